using System.Net;
using Microsoft.IdentityModel.Tokens;
using TestKit;

namespace Api.Tests.Oidc;

public sealed class OidcTokenTests(OidcApiFactory factory) : IClassFixture<OidcApiFactory>
{
    private const string MyBookings = "/users/me/bookings";

    private readonly ApiDriver _api = factory.CreateDriver();

    private LocalOidcIssuer Issuer => factory.Issuer;

    [Fact]
    public async Task CognitoAccessTokenIsAccepted()
    {
        var token = Issuer.Issue(ApiDriver.NewId("ana"), clientId: OidcApiFactory.ClientId);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(MyBookings, token)).StatusCode);
    }

    [Fact]
    public async Task IdTokenWithTheClientAsAudienceIsAccepted()
    {
        var token = Issuer.Issue(ApiDriver.NewId("ana"), audience: OidcApiFactory.ClientId);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(MyBookings, token)).StatusCode);
    }

    [Fact]
    public async Task DevelopmentTokensStillWorkBesideTheOidcIssuer()
    {
        var buyer = await _api.BuyerAsync();

        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync(MyBookings, buyer)).StatusCode);
    }

    [Fact]
    public async Task CognitoGroupsBecomeRoles()
    {
        var organizer = Issuer.Issue(ApiDriver.NewId("org"), clientId: OidcApiFactory.ClientId, groups: ["organizer"]);
        var admin = Issuer.Issue(ApiDriver.NewId("adm"), clientId: OidcApiFactory.ClientId, groups: ["staff", "admin"]);
        var customer = Issuer.Issue(ApiDriver.NewId("cus"), clientId: OidcApiFactory.ClientId, groups: ["customers"]);

        Assert.Equal(HttpStatusCode.Created, (await PostVenueAsync(organizer)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostVenueAsync(admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostVenueAsync(customer)).StatusCode);
    }

    [Fact]
    public async Task RoleClaimOfAnOidcTokenGrantsNothing()
    {
        // Only the configured group claim grants roles; a "role" claim an issuer happens to carry does not.
        var token = Issuer.Issue(ApiDriver.NewId("eve"), clientId: OidcApiFactory.ClientId, groups: ["admin"], groupsClaim: "role");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostVenueAsync(token)).StatusCode);
    }

    [Fact]
    public async Task TokenOfAnotherIssuerIsRefused()
    {
        await using var other = await LocalOidcIssuer.StartAsync();
        var foreign = other.Issue("mallory", clientId: OidcApiFactory.ClientId);
        var renamed = Issuer.Issue("mallory", clientId: OidcApiFactory.ClientId, issuer: "https://cognito-idp.eu-west-1.amazonaws.com/other-pool");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(MyBookings, foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(MyBookings, renamed)).StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherAudienceIsRefused()
    {
        var otherClient = Issuer.Issue("mallory", clientId: "another-client");
        var otherAudience = Issuer.Issue("mallory", audience: "another-api");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(MyBookings, otherClient)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(MyBookings, otherAudience)).StatusCode);
    }

    [Fact]
    public async Task ExpiredOidcTokenIsRefused()
    {
        var expired = Issuer.Issue("late", clientId: OidcApiFactory.ClientId, expires: DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(MyBookings, expired)).StatusCode);
    }

    [Fact]
    public async Task DevelopmentKeyCannotSignForTheOidcIssuer()
    {
        var forged = Issuer.Issue("mallory", clientId: OidcApiFactory.ClientId, groups: ["admin"],
            key: new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(Auth.AuthOptions.DevelopmentSigningKey)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(MyBookings, forged)).StatusCode);
    }

    [Fact]
    public async Task KeyRotationIsFollowedAndTokenSignedByRetiredKeyIsRefused()
    {
        var before = Issuer.Issue(ApiDriver.NewId("ana"), clientId: OidcApiFactory.ClientId);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(MyBookings, before)).StatusCode);

        var retired = Issuer.Rotate();
        var after = Issuer.Issue(ApiDriver.NewId("bea"), clientId: OidcApiFactory.ClientId);

        // An unknown key id makes the handler fetch the JWKS again (at most once per refresh interval).
        await Eventually.WaitUntilAsync(
            async () => (await GetAsync(MyBookings, after)).StatusCode == HttpStatusCode.OK,
            "a token signed by the new key is accepted");

        var signedByRetiredKey = Issuer.Issue(ApiDriver.NewId("cid"), clientId: OidcApiFactory.ClientId, key: retired);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(MyBookings, signedByRetiredKey)).StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string token) =>
        _api.GetAsync(path, new TestUser("oidc", token));

    private Task<HttpResponseMessage> PostVenueAsync(string token) =>
        _api.PostAsync("/venues", new TestUser("oidc", token), ApiDriver.VenueBody(1, 4));
}
