using Grains.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TestKit;
using static Grains.Tests.Events.EventFixtures;

namespace Grains.Tests.Waitlist;

/// <summary>
/// One silo with email for the waiting list tests of a class, on a clock the tests move. Tests of
/// a class run one at a time, and each uses events and buyers of its own.
/// </summary>
public sealed class WaitlistSilo : IAsyncLifetime
{
    private TestSilo? _silo;

    public FakeTimeProvider Time { get; } = new(TestClock.Start);

    public TestSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not started.");

    public IGrainFactory Grains => Silo.GrainFactory;

    public async Task InitializeAsync() => _silo = await Users.EngagementSilo.StartAsync(time: Time);

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
    }

    /// <summary>A general-admission event on sale now.</summary>
    public async Task<IEventGrain> GeneralAdmissionAsync(int capacity, int maxSeatsPerHold = 10, int holdTtlSeconds = 180, int offerSeconds = 600)
    {
        var grain = Grains.GetGrain<IEventGrain>(NewId());
        var created = await grain.Create(new CreateEvent
        {
            Caller = Organizer,
            Capacity = capacity,
            Definition = Definition(holdTtlSeconds, maxSeatsPerHold) with { WaitlistOfferSeconds = offerSeconds },
        });
        Assert.True(created.Succeeded, created.Failure?.Detail);
        return grain;
    }

    /// <summary>The grains' timers run on the test clock: it moves on a little while the test waits.</summary>
    public Task WaitUntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.WaitUntilAsync(async () =>
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            return await condition();
        }, what);
}
