using System.Text.RegularExpressions;

namespace Api.Requests;

/// <summary>Field rules shared by several requests.</summary>
public static partial class Fields
{
    public const int MaxNameLength = 200;

    /// <summary>Names become parts of seat ids ("section:row:number"), so ':' would make ids ambiguous.</summary>
    public static void Name(ValidationErrors errors, string field, string? value, bool required = true)
    {
        if (value is null)
        {
            if (required) errors.Add(field, "A name is required.");
            return;
        }

        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "A name cannot be empty.");
        else if (value.Contains(':')) errors.Add(field, "A name cannot contain ':'.");
        else if (value.Length > MaxNameLength) errors.Add(field, $"A name is at most {MaxNameLength} characters.");
    }

    public static void Text(ValidationErrors errors, string field, string? value, int maxLength, bool required = false)
    {
        if (value is null)
        {
            if (required) errors.Add(field, "This field is required.");
            return;
        }

        if (required && string.IsNullOrWhiteSpace(value)) errors.Add(field, "This field cannot be empty.");
        else if (value.Length > maxLength) errors.Add(field, $"At most {maxLength} characters.");
    }

    public static void Range(ValidationErrors errors, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max)) errors.Add(field, $"Must be between {min} and {max}.");
    }

    public static bool IsSlug(string value) => SlugPattern().IsMatch(value);

    public static bool IsCurrency(string value) => CurrencyPattern().IsMatch(value);

    /// <summary>Ids the API hands out or accepts from clients (user ids, seat ids in routes).</summary>
    public static bool IsUserId(string value) => UserIdPattern().IsMatch(value);

    public static bool IsRoleName(string value) => RoleNamePattern().IsMatch(value);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
