using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Api.Auth;

/// <summary>
/// The one symmetric key instance shared by issuing and validation, so the token handler's
/// signature-provider cache (keyed by key instance) is hit on every request.
/// </summary>
internal sealed class SigningKey(IOptions<AuthOptions> options)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() =>
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Value.EffectiveSigningKey)) { KeyId = "booking" });

    public SymmetricSecurityKey Key => _key.Value;

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.HmacSha256);
}
