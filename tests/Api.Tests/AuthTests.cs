using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests;

public sealed class AuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task DevTokenNamesTheUserAsSubjectAndCarriesTheRoles()
    {
        var organizer = await _api.UserAsync("org", "organizer", "admin");

        var token = new JsonWebToken(organizer.Token);
        Assert.Equal("HS256", token.Alg);
        Assert.Equal(organizer.Id, token.Subject);
        Assert.Equal(["organizer", "admin"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.True(token.ValidTo > DateTime.UtcNow);
    }

    [Fact]
    public async Task DevTokenRefusesMalformedRolesAndBadUserIds()
    {
        var badRole = await _api.Http.PostAsJsonAsync("/dev/token", new { userId = "someone", roles = new[] { "Root Admin!" } });
        var problem = await ApiDriver.ProblemAsync(badRole, HttpStatusCode.BadRequest);
        Assert.Contains("roles[0]", problem.Errors.Keys);

        var badUser = await _api.Http.PostAsJsonAsync("/dev/token", new { userId = "a user:with spaces" });
        Assert.Contains("userId", (await ApiDriver.ProblemAsync(badUser, HttpStatusCode.BadRequest)).Errors.Keys);
    }

    [Fact]
    public async Task RolesOtherThanOrganizerAndAdminGrantNothing()
    {
        var customer = await _api.UserAsync("customer", "customer");

        await ApiDriver.ProblemAsync(await _api.PostAsync("/venues", customer, ApiDriver.VenueBody(1, 10)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RequestsWithoutATokenAreRejectedWith401Problem()
    {
        var response = await _api.GetAsync("/users/me/bookings", user: null);

        await ApiDriver.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsRejected()
    {
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "booking-api",
            Audience = "booking-api",
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["role"] = new[] { "admin" } },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
        });

        var response = await _api.GetAsync("/users/me/bookings", new TestUser("mallory", forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredTokenIsRejected()
    {
        var expired = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "booking-api",
            Audience = "booking-api",
            IssuedAt = DateTime.UtcNow.AddHours(-2),
            Expires = DateTime.UtcNow.AddHours(-1),
            Claims = new Dictionary<string, object> { ["sub"] = "late" },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Auth.AuthOptions.DevelopmentSigningKey)), SecurityAlgorithms.HmacSha256),
        });

        var response = await _api.GetAsync("/events/slug/Not_A_Slug", new TestUser("late", expired));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ValidTokenReachesTheEndpoint()
    {
        var buyer = await _api.BuyerAsync();

        // A slug that can never exist is answered without any grain call.
        await ApiDriver.ProblemAsync(await _api.GetAsync("/events/slug/Not_A_Slug", buyer), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BuyerCannotCreateVenuesOrEvents()
    {
        var buyer = await _api.BuyerAsync();

        await ApiDriver.ProblemAsync(await _api.PostAsync("/venues", buyer, ApiDriver.VenueBody(1, 10)), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.PostAsync("/events", buyer, ApiDriver.EventBody(capacity: 10)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HealthOpenApiAndSwaggerAreAnonymous()
    {
        Assert.Equal(HttpStatusCode.OK, (await _api.Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.Http.GetAsync("/swagger/index.html")).StatusCode);

        var document = await _api.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/events/{eventId}/holds", out _));
    }

    [Fact]
    public void EveryResourceEndpointRequiresAuthentication()
    {
        // The email open pixel and tracking status are fetched by mail clients, without a token. So
        // is a booking email's tickets link: the PDF asks for a bearer token itself when the request
        // carries no link token (the authorization matrix checks both ways).
        var anonymous = new[]
        {
            "/health/live", "/health/ready", "/openapi/{documentName}.json", "/openapi/v1.json", "/dev/token", "/track/open", "/track/status/{emailId}",
            "/events/{eventId}/bookings/{bookingId}/tickets.pdf",
        };
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // The tests run in Development, where the Orleans Dashboard is open to the developer's
        // browser; everywhere else it requires the admin role (ClusterDashboard).
        endpoints.RemoveAll(e => e.RoutePattern.RawText?.StartsWith(Api.Cluster.ClusterDashboard.Path, StringComparison.Ordinal) == true);
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints.Where(e => !anonymous.Contains(e.RoutePattern.RawText)))
        {
            Assert.True(
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null,
                $"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText}) must require a bearer token.");
        }
    }

    [Fact]
    public void StartingWithoutASigningKeyFailsUnlessDevTokensAreEnabled()
    {
        using var production = factory.WithWebHostBuilder(b => b.UseSetting("Auth:DevTokens:Enabled", "false"));

        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Auth:SigningKey", failure.ToString());
    }

    [Fact]
    public async Task DevTokenEndpointIsAbsentWhenDisabled()
    {
        using var production = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:DevTokens:Enabled", "false");
            b.UseSetting("Auth:SigningKey", "a-production-signing-key-of-at-least-32-bytes");
        });

        var response = await production.CreateClient().PostAsJsonAsync("/dev/token", new { userId = "someone" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRouteIsA404Problem()
    {
        var buyer = await _api.BuyerAsync();

        await ApiDriver.ProblemAsync(await _api.GetAsync("/no/such/route", buyer), HttpStatusCode.NotFound);
    }
}
