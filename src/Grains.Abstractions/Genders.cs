namespace Grains.Abstractions;

/// <summary>The values a profile's gender may take.</summary>
public static class Genders
{
    public const string Male = "male";
    public const string Female = "female";
    public const string Other = "other";
    public const string PreferNotToSay = "prefer_not_to_say";

    public static IReadOnlyList<string> All { get; } = [Male, Female, Other, PreferNotToSay];
}
