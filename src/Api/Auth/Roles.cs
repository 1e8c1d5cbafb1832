namespace Api.Auth;

public static class Roles
{
    public const string Organizer = "organizer";

    /// <summary>Door staff: checks tickets in at events.</summary>
    public const string Staff = "staff";

    public const string Admin = "admin";

    /// <summary>Every role that grants something; other role names are carried but inert.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Organizer, Staff, Admin };
}
