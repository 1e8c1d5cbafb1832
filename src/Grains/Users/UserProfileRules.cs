using System.Net.Mail;
using System.Text.RegularExpressions;
using Grains.Abstractions;

namespace Grains.Users;

/// <summary>Validation and normalization of profiles, shared by the API (400 problems) and the user grain.</summary>
public static partial class UserProfileRules
{
    public const int MaxNameLength = 100;
    public const int MaxFieldLength = 200;

    /// <summary>The key under which an address is unique: trimmed and lower-cased.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The key under which text criteria match: trimmed and lower-cased; null when blank.</summary>
    public static string? NormalizeKey(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>Field name (camelCase, as in JSON) to messages; empty when the profile is valid.</summary>
    public static Dictionary<string, string[]> Validate(UserProfile profile)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Required(errors, "firstName", profile.FirstName, MaxNameLength);
        Required(errors, "lastName", profile.LastName, MaxNameLength);
        if (string.IsNullOrWhiteSpace(profile.Email))
        {
            errors["email"] = ["Email is required."];
        }
        else if (!IsEmail(profile.Email))
        {
            errors["email"] = [$"'{profile.Email}' is not an email address."];
        }

        if (profile.PhoneNumber is { Length: > 0 } phone && !PhonePattern().IsMatch(phone.Trim()))
        {
            errors["phoneNumber"] = ["Phone number may contain digits, spaces, '+', '-', '.', '(' and ')', 5 to 30 characters."];
        }

        if (profile.Avatar is { Length: > 0 } avatar &&
            !(Uri.TryCreate(avatar.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            errors["avatar"] = ["Avatar must be an absolute http(s) URL."];
        }

        if (profile.Gender is { Length: > 0 } gender && !Genders.All.Contains(gender))
        {
            errors["gender"] = [$"Gender must be one of {string.Join(", ", Genders.All)}."];
        }

        Optional(errors, "jobTitle", profile.JobTitle);
        Optional(errors, "company", profile.Company);
        Optional(errors, "city", profile.City);
        Optional(errors, "state", profile.State);
        return errors;
    }

    /// <summary>Trims every field and turns blank optional fields into null.</summary>
    public static UserProfile Clean(UserProfile profile) => new()
    {
        FirstName = profile.FirstName.Trim(),
        LastName = profile.LastName.Trim(),
        Email = profile.Email.Trim(),
        PhoneNumber = Blank(profile.PhoneNumber),
        Avatar = Blank(profile.Avatar),
        Gender = Blank(profile.Gender),
        JobTitle = Blank(profile.JobTitle),
        Company = Blank(profile.Company),
        City = Blank(profile.City),
        State = Blank(profile.State),
    };

    /// <summary>The profile after an update: null keeps a field, an empty string clears an optional one.</summary>
    public static UserProfile Merge(UserProfile current, UserProfileUpdate update) => new()
    {
        FirstName = update.FirstName ?? current.FirstName,
        LastName = update.LastName ?? current.LastName,
        Email = update.Email ?? current.Email,
        PhoneNumber = update.PhoneNumber ?? current.PhoneNumber,
        Avatar = update.Avatar ?? current.Avatar,
        Gender = update.Gender ?? current.Gender,
        JobTitle = update.JobTitle ?? current.JobTitle,
        Company = update.Company ?? current.Company,
        City = update.City ?? current.City,
        State = update.State ?? current.State,
    };

    public static Failure ToFailure(Dictionary<string, string[]> errors) =>
        Failure.Invalid("Invalid profile", string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));

    private static bool IsEmail(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > 254) return false;
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal);
    }

    private static void Required(Dictionary<string, string[]> errors, string name, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[name] = [$"{Title(name)} is required."];
        else if (value.Trim().Length > max) errors[name] = [$"{Title(name)} is longer than {max} characters."];
    }

    private static void Optional(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (value is not null && value.Trim().Length > MaxFieldLength) errors[name] = [$"{Title(name)} is longer than {MaxFieldLength} characters."];
    }

    private static string Title(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[0-9+\-. ()]{5,30}$")]
    private static partial Regex PhonePattern();
}
