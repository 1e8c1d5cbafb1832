namespace Api.Auth;

public static class Roles
{
    public const string Organizer = "organizer";

    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is Organizer or Admin;
}
