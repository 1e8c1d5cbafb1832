using Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using TestKit;
using static Grains.Tests.Users.EngagementSilo;

namespace Grains.Tests.Users;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task CountersAreExactAfterSiloRestartMidway()
    {
        var prefix = TestSilo.NewTablePrefix();
        var company = "Crashco-" + Guid.NewGuid().ToString("N")[..8];
        var users = Enumerable.Range(0, 4).Select(i => (Id: NewId("u" + i), Email: NewEmail("crash" + i))).ToList();
        var deliveries = Script(users.Select(u => u.Id).ToList());

        // First silo: profiles, then the outbox delivers until the silo dies mid-way.
        var first = await StartAsync(prefix);
        foreach (var (id, email) in users)
        {
            await first.GrainFactory.GetGrain<IUserGrain>(id).Create(Messages.Profile("Crash", id, email, company));
        }

        var delivered = 0;
        var half = deliveries.Count / 2;
        var inFlight = Task.WhenAll(users.Select(async u =>
        {
            foreach (var (userId, message) in deliveries.Where(d => d.UserId == u.Id))
            {
                try
                {
                    await first.GrainFactory.GetGrain<IUserGrain>(userId).Apply(message);
                    Interlocked.Increment(ref delivered);
                }
                catch (Exception)
                {
                    return; // the silo is gone
                }
            }
        }));
        await Eventually.WaitUntilAsync(() => Volatile.Read(ref delivered) >= half, "half of the messages are applied");
        await KillAsync(first);
        await inFlight;

        // Second silo on the same tables: the event grains' outboxes redeliver everything, some twice.
        await using var second = await StartAsync(prefix);
        await Task.WhenAll(users.Select(async u =>
        {
            var grain = second.GrainFactory.GetGrain<IUserGrain>(u.Id);
            var mine = deliveries.Where(d => d.UserId == u.Id).ToList();
            foreach (var (_, message) in mine) await grain.Apply(message);
            foreach (var (_, message) in mine.Where((_, i) => i % 3 == 0)) Assert.False(await grain.Apply(message));
        }));

        foreach (var (id, email) in users)
        {
            var truth = Truth(deliveries.Where(d => d.UserId == id).Select(d => d.Message).ToList());
            var grain = second.GrainFactory.GetGrain<IUserGrain>(id);
            var counters = await grain.GetCounters();
            Assert.Equal(truth, (counters.HostedEventCount, counters.AttendedEventCount, counters.BookingCount, counters.CancellationCount));
            var indexed = await second.Services.GetRequiredService<Grains.Users.UserIndexStore>().GetAsync(id, CancellationToken.None);
            Assert.Equal((truth.Hosted, truth.Attended), (indexed!.HostedEventCount, indexed.AttendedEventCount));

            // Every confirmation gets its email, at most once, also when the crash hit it in flight.
            var bookings = (await grain.GetBookings()).Where(b => deliveries.Any(d => d.Message.Kind == EngagementKind.BookingConfirmed && d.Message.BookingId == b.BookingId)).ToList();
            await Eventually.WaitUntilAsync(
                async () => (await Task.WhenAll(bookings.Select(b => second.GrainFactory.GetGrain<IEmailGrain>("booking-" + b.BookingId).GetStatus()))).All(s => s is { Status: not EmailStatuses.Pending }),
                $"the confirmations of {id} are final",
                TimeSpan.FromSeconds(90));
            var received = await SesEmailsToAsync(email);
            Assert.All(received.GroupBy(e => (string?)e["body"]!["text"]), g => Assert.Single(g));
        }

        var page = await second.Services.GetRequiredService<Grains.Users.IUserDirectory>().FilterAsync(new UserFilter { Company = company, PageSize = 10 }, CancellationToken.None);
        Assert.Equal(users.Count, page.Value!.Total);
    }

    /// <summary>Per user: hosting on five events with changes and an event cancellation, and bookings, some cancelled.</summary>
    private static List<(string UserId, EngagementMessage Message)> Script(List<string> userIds)
    {
        var script = new List<(string, EngagementMessage)>();
        foreach (var (userId, u) in userIds.Select((id, i) => (id, i)))
        {
            var number = 1L;
            for (var e = 0; e < 5; e++)
            {
                var eventId = $"ev-{e}";
                if ((e + u) % 2 == 0) script.Add((userId, Messages.HostAdded(eventId, userId, number++)));
                var booking = $"{userId}-{eventId}-b1";
                script.Add((userId, Messages.Confirmed(eventId, booking)));
                if (e % 2 == 1) script.Add((userId, Messages.Confirmed(eventId, $"{userId}-{eventId}-b2")));
                if ((e + u) % 3 == 0) script.Add((userId, Messages.Cancelled(eventId, booking)));
            }

            // Host list changes: removed from ev-0, added to ev-1; then ev-2 is cancelled.
            script.Add((userId, Messages.HostRemoved("ev-0", userId, number++)));
            script.Add((userId, Messages.HostAdded("ev-1", userId, number++)));
            script.Add((userId, Messages.HostRemoved("ev-2", userId, number++)));
            script.Add((userId, Messages.Cancelled("ev-2", $"{userId}-ev-2-b1")));
        }

        return script;
    }

    /// <summary>What the events say: the newest host message per event, and each booking's last state.</summary>
    private static (int Hosted, int Attended, int Bookings, int Cancellations) Truth(List<EngagementMessage> messages)
    {
        var hosted = messages
            .Where(m => m.Kind is EngagementKind.HostAdded or EngagementKind.HostRemoved)
            .GroupBy(m => m.EventId)
            .Count(g => g.MaxBy(m => long.Parse(m.Id[(m.Id.LastIndexOf(':') + 1)..]))!.Kind == EngagementKind.HostAdded);
        var bookings = messages.Where(m => m.BookingId is not null).GroupBy(m => m.BookingId!).ToList();
        var cancelled = bookings.Where(g => g.Any(m => m.Kind == EngagementKind.BookingCancelled)).Select(g => g.Key).ToHashSet();
        var attended = bookings.Where(g => !cancelled.Contains(g.Key)).Select(g => g.First().EventId).Distinct().Count();
        return (hosted, attended, bookings.Count, cancelled.Count);
    }

    /// <summary>Ends the silo without a graceful stop: no deactivation, in-flight turns lose their clients.</summary>
    private static async Task KillAsync(TestSilo silo)
    {
        await silo.KillAsync();
        await silo.DisposeAsync();
    }
}
