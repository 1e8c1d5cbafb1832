using System.Net.Http.Json;
using System.Text.Json;

namespace Api.Tests.Catalogue;

public sealed class CatalogueOpenApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/events", "get", "q,from,to,city,tags,category,artist,priceMin,priceMax,owner,available,sort,page,pageSize")]
    [InlineData("/events/suggest", "get", "q")]
    [InlineData("/events/owner/{ownerId}", "get", "ownerId,q,sort,page,pageSize")]
    [InlineData("/venues", "get", "page,pageSize")]
    [InlineData("/users", "get", "page,pageSize")]
    [InlineData("/users/{userId}/bookings", "get", "userId")]
    [InlineData("/analytics/events", "get", "owner,page,pageSize")]
    [InlineData("/events/{eventId}/attendees/{userId}", "post", "eventId,userId")]
    [InlineData("/events/{eventId}/attendees/{userId}", "delete", "eventId,userId")]
    [InlineData("/events/{eventId}", "delete", "eventId")]
    public async Task EveryNewEndpointIsDocumentedWithItsParameters(string path, string method, string parameters)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var documented = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
        foreach (var parameter in parameters.Split(',')) Assert.Contains(parameter, documented);
    }
}
