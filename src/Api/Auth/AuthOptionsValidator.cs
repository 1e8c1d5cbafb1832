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
            if (!options.DevTokens.Enabled) failures.Add("Auth:SigningKey is required unless Auth:DevTokens:Enabled is true.");
        }
        else if (Encoding.UTF8.GetByteCount(options.SigningKey) < MinimumKeyBytes)
        {
            failures.Add($"Auth:SigningKey must be at least {MinimumKeyBytes} bytes.");
        }
        else if (options.SigningKey == AuthOptions.DevelopmentSigningKey && !options.DevTokens.Enabled)
        {
            failures.Add("Auth:SigningKey must not be the published development key.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer)) failures.Add("Auth:Issuer is required.");
        if (string.IsNullOrWhiteSpace(options.Audience)) failures.Add("Auth:Audience is required.");
        if (options.TokenLifetime <= TimeSpan.Zero) failures.Add("Auth:TokenLifetime must be positive.");
        if (options.ClockSkew < TimeSpan.Zero) failures.Add("Auth:ClockSkew cannot be negative.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
