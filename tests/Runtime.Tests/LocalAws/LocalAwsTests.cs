using System.Net;

namespace Runtime.Tests.LocalAws;

public sealed class LocalAwsTests
{
    private static readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task DynamoDbLocalAnswers()
    {
        var endpoint = await TestKit.LocalAws.DynamoDbAsync();

        // DynamoDB Local answers a plain GET with 400; getting any response at all means it is up.
        using var response = await _http.GetAsync(endpoint);

        Assert.True(response.StatusCode > 0);
    }

    [Fact]
    public async Task SesLocalServesItsStore()
    {
        var endpoint = await TestKit.LocalAws.SesAsync();

        using var response = await _http.GetAsync(new Uri(endpoint, "/store"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
