using TestKit;

namespace Cluster.Tests;

public sealed class GrainPlacement(ITestOutputHelper output)
{
    [Fact]
    public async Task GrainsSpreadOverTheSilos()
    {
        await using var cluster = await ClusterProcesses.StartAsync("spread", silos: 3, log: output.WriteLine);
        await cluster.RunAsync(async () =>
        {
            var api = new BookingApi(cluster.Api);
            var organizer = await cluster.OperatorTokenAsync();
            var venue = await api.CreateVenueAsync(organizer, rows: 1, seatsPerRow: 10);
            var events = await api.CreateEventsAsync(organizer, venue, "spread", count: 30, holdTtlSeconds: 300);
            var buyer = await cluster.TokenAsync("spread-buyer");
            foreach (var eventId in events)
            {
                var hold = await api.PlaceHoldAsync(buyer, eventId, 1);
                Assert.True(hold.Status == 201, $"hold on {eventId}: {hold.Describe()}");
            }

            cluster.Note($"{events.Count} events created and held");

            // Activation counts come from Orleans' runtime statistics. A timeout falls through to
            // the assertions, which say what was missing.
            ClusterReport? report = null;
            await Eventually.WaitUntilAsync(
                async () =>
                {
                    report = await cluster.MembershipAsync();
                    var active = report.Silos.Where(s => s.Status == "Active").ToList();
                    return active.Count == 3 && active.All(s => s.Activations > 0) && active.Sum(s => s.Activations) >= events.Count;
                },
                "every silo reports activations",
                TimeSpan.FromSeconds(10)).ContinueWith(static _ => { }, TaskScheduler.Default);

            cluster.Note($"membership: {ClusterProcesses.Describe(report)}");
            var silos = report!.Silos.Where(s => s.Status == "Active").ToList();
            Assert.Equal(3, silos.Count);
            Assert.All(cluster.Silos, s => Assert.Contains(silos, row => row.Address == s.Address));
            Assert.All(silos, s => Assert.True(s.Activations > 0, $"silo {s.SiloId} has no activations: {ClusterProcesses.Describe(report)}"));
            Assert.True(silos.Sum(s => s.Activations) >= events.Count, $"fewer activations than events: {ClusterProcesses.Describe(report)}");
        });
    }
}
