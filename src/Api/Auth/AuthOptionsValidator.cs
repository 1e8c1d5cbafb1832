using System.Text;
using Microsoft.Extensions.Options;

namespace Api.Auth;

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    // HS256 needs a key of at least 256 bits; shorter keys are refused by the token handler anyway.
    private const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            if (!options.DevTokens.Enabled && string.IsNullOrEmpty(options.Authority))
            {
                failures.Add("Auth:Authority (an OIDC issuer) or Auth:SigningKey is required unless Auth:DevTokens:Enabled is true.");
            }
        }
        else if (Encoding.UTF8.GetByteCount(options.SigningKey) < MinimumKeyBytes)
        {
            failures.Add($"Auth:SigningKey must be at least {MinimumKeyBytes} bytes.");
        }
        else if (options.SigningKey == AuthOptions.DevelopmentSigningKey && !options.DevTokens.Enabled)
        {
            failures.Add("Auth:SigningKey must not be the published development key.");
        }

        if (!string.IsNullOrEmpty(options.Authority))
        {
            if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
                || !(authority.Scheme == Uri.UriSchemeHttps || options.AuthorityIsLoopbackHttp))
            {
                failures.Add("Auth:Authority must be an https URL (http only on a loopback address).");
            }
            else if (string.Equals(options.Authority.TrimEnd('/'), options.Issuer.TrimEnd('/'), StringComparison.Ordinal))
            {
                failures.Add("Auth:Issuer (the development issuer) must differ from Auth:Authority.");
            }

            if (string.IsNullOrWhiteSpace(options.RoleClaim)) failures.Add("Auth:RoleClaim is required with Auth:Authority.");
            if (options.KeyRefreshInterval < TimeSpan.FromSeconds(1)) failures.Add("Auth:KeyRefreshInterval must be at least 1 second.");
        }

        foreach (var (group, role) in options.RoleMap)
        {
            if (!Roles.All.Contains(role)) failures.Add($"Auth:RoleMap:{group} is '{role}'; a role is one of {string.Join(", ", Roles.All)}.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer)) failures.Add("Auth:Issuer is required.");
        if (string.IsNullOrWhiteSpace(options.Audience)) failures.Add("Auth:Audience is required.");
        if (options.TokenLifetime <= TimeSpan.Zero) failures.Add("Auth:TokenLifetime must be positive.");
        if (options.ClockSkew < TimeSpan.Zero) failures.Add("Auth:ClockSkew cannot be negative.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
