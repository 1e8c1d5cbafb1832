namespace Api.Auth;

public static class Policies
{
    /// <summary>Organizers and admins: creating venues and events.</summary>
    public const string Organizer = "organizer";

    /// <summary>Admins only: the Orleans Dashboard outside Development.</summary>
    public const string Admin = "admin";
}
