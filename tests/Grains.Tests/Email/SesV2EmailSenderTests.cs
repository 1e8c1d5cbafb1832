using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Grains.Email.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grains.Tests.Email;

public sealed class SesV2EmailSenderTests
{
    private const string Recipient = "guest@example.com";

    [Fact]
    public async Task SentEmailArrivesAtSesEndpoint()
    {
        var endpoint = await SesLocalServer.EndpointAsync();
        await using var services = BuildServices(endpoint);
        var sender = services.GetRequiredService<IEmailSender>();
        var subject = $"Booking confirmed {Guid.NewGuid():N}";

        var result = await sender.SendAsync(
            new EmailMessage
            {
                To = Recipient,
                Subject = subject,
                TextBody = "Seat 12C is yours.",
                HtmlBody = "<p>Seat <b>12C</b> is yours.</p>",
                Tags = new Dictionary<string, string> { ["kind"] = "booking-confirmed" },
            },
            CancellationToken.None);

        var sent = Assert.IsType<EmailSent>(result);
        var stored = await FindStoredAsync(endpoint, subject);
        Assert.Equal(sent.MessageId, (string?)stored["messageId"]);
        Assert.Equal("no-reply@booking.local", (string?)stored["from"]);
        Assert.Equal(Recipient, (string?)Assert.Single(stored["destination"]!["to"]!.AsArray()));
        Assert.Equal("Seat 12C is yours.", (string?)stored["body"]!["text"]);
        Assert.Equal("<p>Seat <b>12C</b> is yours.</p>", (string?)stored["body"]!["html"]);
    }

    [Fact]
    public async Task HtmlBodyIsOptional()
    {
        var endpoint = await SesLocalServer.EndpointAsync();
        await using var services = BuildServices(endpoint);
        var subject = $"Plain text only {Guid.NewGuid():N}";

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(
            new EmailMessage { To = Recipient, Subject = subject, TextBody = "No markup here." },
            CancellationToken.None);

        Assert.IsType<EmailSent>(result);
        var stored = await FindStoredAsync(endpoint, subject);
        Assert.Equal("No markup here.", (string?)stored["body"]!["text"]);
        Assert.Null(stored["body"]!["html"]);
    }

    [Fact]
    public async Task UnreachableEndpointIsRetriableRejection()
    {
        var closedPort = SesLocalServer.FreePort();
        await using var services = BuildServices(new Uri($"http://127.0.0.1:{closedPort}"));

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(
            new EmailMessage { To = Recipient, Subject = "Unreachable", TextBody = "Never arrives." },
            CancellationToken.None);

        var rejected = Assert.IsType<EmailRejected>(result);
        Assert.True(rejected.Retriable);
        Assert.Equal(0, rejected.StatusCode);
    }

    [Fact]
    public async Task BadRequestIsNotRetriable()
    {
        using var handler = new StubHttpMessageHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Headers = { { "x-amzn-ErrorType", "BadRequestException:http://internal.amazon.com/coral/com.amazonaws.sesv2/" } },
            Content = new StringContent("""{"message":"Missing final '@domain'"}""", Encoding.UTF8, "application/json"),
        });
        using var httpClient = new HttpClient(handler);
        var sender = new SesV2EmailSender(httpClient, Options.Create(TestOptions(new Uri("http://ses.invalid"))), TimeProvider.System);

        var result = await sender.SendAsync(
            new EmailMessage { To = "not-an-address", Subject = "Bad", TextBody = "Bad." },
            CancellationToken.None);

        var rejected = Assert.IsType<EmailRejected>(result);
        Assert.False(rejected.Retriable);
        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("BadRequestException: Missing final '@domain'", rejected.Reason);
    }

    [Fact]
    public void InvalidSettingsFailValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ses:FromAddress"] = "",
                ["Ses:ServiceUrl"] = "localhost:8005/relative",
            })
            .Build();
        using var services = new ServiceCollection().AddSesEmail(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SesOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("FromAddress", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ServiceUrl", StringComparison.Ordinal));
    }

    private static SesOptions TestOptions(Uri endpoint) => new()
    {
        ServiceUrl = endpoint.ToString(),
        AccessKeyId = "test",
        SecretAccessKey = "test",
        Timeout = TimeSpan.FromSeconds(5),
    };

    private static ServiceProvider BuildServices(Uri endpoint)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ses:ServiceUrl"] = endpoint.ToString(),
                ["Ses:AccessKeyId"] = "test",
                ["Ses:SecretAccessKey"] = "test",
                ["Ses:Timeout"] = "00:00:05",
            })
            .Build();
        return new ServiceCollection().AddSesEmail(configuration).BuildServiceProvider(validateScopes: true);
    }

    private static async Task<JsonNode> FindStoredAsync(Uri endpoint, string subject)
    {
        using var http = new HttpClient();
        var store = JsonNode.Parse(await http.GetStringAsync(new Uri(endpoint, "/store")))!;
        return Assert.Single(store["emails"]!.AsArray(), e => (string?)e!["subject"] == subject)!;
    }
}
