using System.Text.Json.Nodes;
using Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TestKit;

namespace Grains.Tests.Users;

/// <summary>A test silo with the booking grains and user engagement, on DynamoDB Local and SES local.</summary>
internal static class EngagementSilo
{
    public static async Task<TestSilo> StartAsync(string? tablePrefix = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? configure = null, TimeProvider? time = null)
    {
        var ses = await LocalAws.SesAsync();
        var config = new Dictionary<string, string?>
        {
            ["Ses:ServiceUrl"] = ses.ToString(),
            ["Email:TrackingBaseUrl"] = "http://tracking.test",
            ["Email:RetryDelay"] = "00:00:00.050",
            ["Email:PendingRetryDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        return await TestSilo.StartAsync(
            timeProvider: time,
            tablePrefix: tablePrefix,
            settings: config,
            configureServices: services =>
            {
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
                configure?.Invoke(services, configuration);
            });
    }

    /// <summary>Emails the local SES server received for <paramref name="recipient"/>.</summary>
    public static async Task<IReadOnlyList<JsonNode>> SesEmailsToAsync(string recipient)
    {
        var ses = await LocalAws.SesAsync();
        using var http = new HttpClient();
        var store = JsonNode.Parse(await http.GetStringAsync(new Uri(ses, "/store")))!;
        return store["emails"]!.AsArray()
            .Where(e => e!["destination"]!["to"]!.AsArray().Any(t => string.Equals((string?)t, recipient, StringComparison.OrdinalIgnoreCase)))
            .Select(e => e!)
            .ToList();
    }

    /// <summary>Emails the local SES server received with <paramref name="subject"/>.</summary>
    public static async Task<IReadOnlyList<JsonNode>> SesEmailsWithSubjectAsync(string subject)
    {
        var ses = await LocalAws.SesAsync();
        using var http = new HttpClient();
        var store = JsonNode.Parse(await http.GetStringAsync(new Uri(ses, "/store")))!;
        return store["emails"]!.AsArray().Where(e => (string?)e!["subject"] == subject).Select(e => e!).ToList();
    }

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public static string NewEmail(string name) => $"{name}.{Guid.NewGuid():N}@example.com";
}
