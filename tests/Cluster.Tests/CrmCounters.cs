using Grains.Abstractions;
using TestKit;

namespace Cluster.Tests;

/// <summary>
/// Two silos: a host and an attendee on eight events; the busiest silo is SIGKILLed while attendees
/// are added, removed and events deleted, every request sent twice (and again after a failure).
/// The users' counters and the catalogue must then be exactly what the acknowledged requests say.
/// </summary>
public sealed class CrmCountersScenario : ClusterScenario
{
    public const int EventCount = 8;

    protected override string Name => "crm";

    protected override int SiloCount => 2;

    public BookingApi Api { get; private set; } = null!;

    public string Admin { get; private set; } = "";

    public string City { get; } = "crm-" + Guid.NewGuid().ToString("N")[..8];

    public string Host { get; } = "crm-host-" + Guid.NewGuid().ToString("N")[..8];

    public string Attendee { get; } = "crm-att-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<string> Events { get; private set; } = [];

    /// <summary>Events deleted (0, 1, 2) and events the attendee was removed from again (3).</summary>
    public IReadOnlyList<string> Deleted => Events.Take(3).ToList();

    public IReadOnlyList<string> Left => [Events[3]];

    protected override async Task RunAsync()
    {
        Api = new BookingApi(Cluster.Api);
        Admin = await Cluster.OperatorTokenAsync();
        foreach (var user in new[] { Host, Attendee })
        {
            await Done(HttpMethod.Post, "/users", new { id = user, firstName = "Crm", lastName = "Contact", email = $"{user}@example.com" }, 201, 409);
        }

        var ids = new List<string>();
        for (var i = 0; i < EventCount; i++)
        {
            var startAt = DateTimeOffset.UtcNow.AddDays(10 + i);
            var answer = await Api.SendAsync<EventDetails>(HttpMethod.Post, "/events", Admin, new
            {
                slug = $"{City}-{i}",
                title = $"Crm meetup {i}",
                city = City,
                capacity = 10,
                startAt,
                endAt = startAt.AddHours(2),
                prices = new Dictionary<string, decimal> { ["default"] = 0m },
                hostIds = new[] { Host },
            });
            if (answer.Status != 201) throw new InvalidOperationException($"POST /events: {answer.Describe()}");
            ids.Add(answer.Value!.Id);
        }

        Events = ids;
        foreach (var e in Events.Take(4)) await Done(HttpMethod.Post, $"/events/{e}/attendees/{Attendee}", null, 201, 200);

        var victim = await SiloCrash.BusiestSiloAsync(Cluster);
        Cluster.KillSilo(victim.Index);
        Cluster.Note($"killed silo {victim.Address}");

        // Each request twice, as a client that did not get (or trust) the first answer would.
        foreach (var e in Events.Skip(4)) await Twice(HttpMethod.Post, $"/events/{e}/attendees/{Attendee}", 201, 200);
        foreach (var e in Left) await Twice(HttpMethod.Delete, $"/events/{e}/attendees/{Attendee}", 204);
        foreach (var e in Deleted) await Twice(HttpMethod.Delete, $"/events/{e}", 204);
        Cluster.Note("requests done");
    }

    private async Task Twice(HttpMethod method, string path, params int[] expected)
    {
        await Done(method, path, null, expected);
        await Done(method, path, null, expected);
    }

    /// <summary>Sends until an expected status answers: a 503 or a broken connection during the crash is retried.</summary>
    private async Task Done(HttpMethod method, string path, object? body, params int[] expected)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var answer = await Api.SendAsync<object>(method, path, Admin, body);
            if (expected.Contains(answer.Status)) return;
            if (!(answer.TransportFailed || answer.IsServerError) || DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{method} {path}: {answer.Describe()}");
            }

            await Task.Delay(250);
        }
    }
}

public sealed class CrmCounters(CrmCountersScenario scenario, ITestOutputHelper output) : IClassFixture<CrmCountersScenario>
{
    [Fact]
    public async Task AttendeesAndDeletesLeaveEveryCounterExactAcrossASiloCrash()
    {
        scenario.Attach(output);
        var cluster = scenario.Cluster;
        await cluster.RunAsync(async () =>
        {
            var api = scenario.Api;
            var kept = scenario.Events.Except(scenario.Deleted).ToList();
            var attended = kept.Except(scenario.Left).Count();
            var hosted = kept.Count;

            UserView? host = null, attendee = null;
            await Eventually.WaitUntilAsync(async () =>
            {
                host = (await api.SendAsync<UserView>(HttpMethod.Get, $"/users/{scenario.Host}", scenario.Admin)).Value;
                attendee = (await api.SendAsync<UserView>(HttpMethod.Get, $"/users/{scenario.Attendee}", scenario.Admin)).Value;
                return host?.HostedEventCount == hosted && attendee?.AttendedEventCount == attended;
            }, $"the host counts {hosted} hosted and the attendee {attended} attended events", TimeSpan.FromSeconds(60));
            Assert.Equal((0, 0), (host!.AttendedEventCount, attendee!.HostedEventCount));

            // The catalogue of the surviving silo is complete: every kept event, no deleted one.
            CataloguePage? page = null;
            await Eventually.WaitUntilAsync(async () =>
            {
                page = (await api.SendAsync<CataloguePage>(HttpMethod.Get, $"/events?city={scenario.City}&pageSize=100", scenario.Admin)).Value;
                return page?.Total == kept.Count;
            }, $"the catalogue lists the {kept.Count} kept events", TimeSpan.FromSeconds(30));
            Assert.Equal(kept.Order(), page!.Items.Select(i => i.Id).Order());
        });
    }
}
