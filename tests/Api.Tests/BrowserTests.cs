using System.Net;

namespace Api.Tests;

public sealed class BrowserTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task AnswersCarrySecurityHeadersErrorsToo()
    {
        var buyer = await _api.BuyerAsync();

        foreach (var response in new[] { await _api.GetAsync("/users/me/bookings", buyer), await _api.GetAsync("/users/me/bookings", user: null) })
        {
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task SwaggerUiKeepsItsScripts()
    {
        var response = await _api.Http.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task PreflightFromTheFrontEndIsAllowedWithoutAToken()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/events/e1/holds");
        preflight.Headers.Add("Origin", ApiFactory.FrontEndOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");

        var response = await _api.Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(ApiFactory.FrontEndOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task FrontEndCanReadAnswersAndRetryAfter()
    {
        var buyer = await _api.BuyerAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/users/me/bookings");
        request.Headers.Authorization = new("Bearer", buyer.Token);
        request.Headers.Add("Origin", ApiFactory.FrontEndOrigin);

        var response = await _api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApiFactory.FrontEndOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(response, "Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task OtherOriginsGetNoCorsHeaders()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/events/e1/holds");
        preflight.Headers.Add("Origin", "https://evil.example.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await _api.Http.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing.");
}
