using Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using TestKit;
using static Grains.Tests.Users.EngagementSilo;

namespace Grains.Tests.Users;

public sealed class UserEngagementTests
{
    [Fact]
    public async Task DuplicateEngagementMessageIsAppliedOnce()
    {
        await using var silo = await StartAsync();
        var userId = NewId("user");
        var user = silo.GrainFactory.GetGrain<IUserGrain>(userId);
        await user.Create(Messages.Profile("Ada", "Lovelace", NewEmail("ada")));
        var confirmed = Messages.Confirmed("ev-1", "ev-1-b1");
        var hosted = Messages.HostAdded("ev-2", userId, 1);

        Assert.True(await user.Apply(confirmed));
        Assert.False(await user.Apply(confirmed));
        Assert.True(await user.Apply(hosted));
        Assert.False(await user.Apply(hosted));
        Assert.True(await user.Apply(Messages.Cancelled("ev-1", "ev-1-b1")));
        Assert.False(await user.Apply(Messages.Cancelled("ev-1", "ev-1-b1")));
        Assert.False(await user.Apply(confirmed));

        var counters = await user.GetCounters();
        Assert.Equal(1, counters.HostedEventCount);
        Assert.Equal(0, counters.AttendedEventCount);
        Assert.Equal(1, counters.BookingCount);
        Assert.Equal(1, counters.CancellationCount);
        Assert.Equal("cancelled", Assert.Single(await user.GetBookings()).Status);
    }

    [Fact]
    public async Task AttendedCountsDistinctEventsWithAConfirmedBooking()
    {
        await using var silo = await StartAsync();
        var user = silo.GrainFactory.GetGrain<IUserGrain>(NewId("user"));
        await user.Create(Messages.Profile("Grace", "Hopper", NewEmail("grace")));

        await user.Apply(Messages.Confirmed("ev-a", "ev-a-b1"));
        await user.Apply(Messages.Confirmed("ev-a", "ev-a-b2"));
        await user.Apply(Messages.Confirmed("ev-b", "ev-b-b1"));
        await user.Apply(Messages.Cancelled("ev-b", "ev-b-b1"));
        // A cancellation that overtook its confirmation: the late confirmation changes nothing.
        await user.Apply(Messages.Cancelled("ev-c", "ev-c-b1"));
        await user.Apply(Messages.Confirmed("ev-c", "ev-c-b1"));

        var counters = await user.GetCounters();
        Assert.Equal(1, counters.AttendedEventCount);
        Assert.Equal(4, counters.BookingCount);
        Assert.Equal(2, counters.CancellationCount);
    }

    [Fact]
    public async Task HostRemovalAdjustsHostedCount()
    {
        await using var silo = await StartAsync();
        var userId = NewId("host");
        var user = silo.GrainFactory.GetGrain<IUserGrain>(userId);
        await user.Create(Messages.Profile("Alan", "Turing", NewEmail("alan"), company: "Bletchley-" + userId));

        await user.Apply(Messages.HostAdded("ev-1", userId, 1));
        await user.Apply(Messages.HostAdded("ev-2", userId, 1));
        await user.Apply(Messages.HostAdded("ev-3", userId, 1));
        Assert.Equal(3, (await user.GetCounters()).HostedEventCount);

        // Removed from ev-2 (host list change), ev-3 cancelled; a late duplicate of the old add is ignored.
        await user.Apply(Messages.HostRemoved("ev-2", userId, 4));
        await user.Apply(Messages.HostRemoved("ev-3", userId, 7));
        Assert.False(await user.Apply(Messages.HostAdded("ev-2", userId, 1)));
        // Added again to ev-2 later.
        Assert.True(await user.Apply(Messages.HostAdded("ev-2", userId, 9)));
        await user.Apply(Messages.HostRemoved("ev-1", userId, 3));

        Assert.Equal(1, (await user.GetCounters()).HostedEventCount);
        Assert.Equal("ev-2", Assert.Single(await user.GetHostedEvents()).EventId);
        var page = await silo.Services.GetRequiredService<Grains.Users.IUserDirectory>().FilterAsync(
            new UserFilter { Company = "bletchley-" + userId, HostedEventCountMin = 1, HostedEventCountMax = 1 }, CancellationToken.None);
        Assert.Equal(userId, Assert.Single(page.Value!.Items).Id);
    }

    [Fact]
    public async Task EventCancellationRemovesHostingAndAttendance()
    {
        await using var silo = await StartAsync();
        var ownerId = NewId("owner");
        var buyerId = NewId("buyer");
        var owner = silo.GrainFactory.GetGrain<IUserGrain>(ownerId);
        var buyer = silo.GrainFactory.GetGrain<IUserGrain>(buyerId);
        await owner.Apply(Messages.HostAdded("ev-x", ownerId, 1));
        await buyer.Apply(Messages.Confirmed("ev-x", "ev-x-b1"));
        Assert.Equal(1, (await owner.GetCounters()).HostedEventCount);
        Assert.Equal(1, (await buyer.GetCounters()).AttendedEventCount);

        await owner.Apply(Messages.HostRemoved("ev-x", ownerId, 5));
        await buyer.Apply(Messages.Cancelled("ev-x", "ev-x-b1"));

        Assert.Equal(0, (await owner.GetCounters()).HostedEventCount);
        var counters = await buyer.GetCounters();
        Assert.Equal(0, counters.AttendedEventCount);
        Assert.Equal(1, counters.CancellationCount);
    }

    [Fact]
    public async Task EmailAddressBelongsToOneUser()
    {
        await using var silo = await StartAsync();
        var email = NewEmail("shared");
        var first = silo.GrainFactory.GetGrain<IUserGrain>(NewId("first"));
        var second = silo.GrainFactory.GetGrain<IUserGrain>(NewId("second"));
        var third = silo.GrainFactory.GetGrain<IUserGrain>(NewId("third"));
        Assert.True((await first.Create(Messages.Profile("A", "One", email))).Created);

        var taken = await second.Create(Messages.Profile("B", "Two", email.ToUpperInvariant()));
        Assert.Equal(FailureKind.Conflict, taken.Failure?.Kind);

        // The first user moves to another address; the old one becomes free once released.
        Assert.True((await first.Update(new UserProfileUpdate { Email = NewEmail("moved") })).Succeeded);
        await Eventually.WaitUntilAsync(async () => (await third.Create(Messages.Profile("C", "Three", email))).Succeeded, "the old address is released");
        Assert.Equal(FailureKind.Conflict, (await first.Update(new UserProfileUpdate { Email = email })).Failure?.Kind);
    }

    [Fact]
    public async Task InvalidProfileIsRefused()
    {
        await using var silo = await StartAsync();
        var user = silo.GrainFactory.GetGrain<IUserGrain>(NewId("user"));

        var outcome = await user.Create(Messages.Profile("", "Last", "not-an-email") with { Gender = "robot" });

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Contains("firstName", outcome.Failure!.Detail, StringComparison.Ordinal);
        Assert.Contains("email", outcome.Failure.Detail, StringComparison.Ordinal);
        Assert.Contains("gender", outcome.Failure.Detail, StringComparison.Ordinal);
        Assert.Null(await user.Get());
    }

    [Fact]
    public async Task ProfileUpdateKeepsCountersAndMovesTheIndexEntry()
    {
        await using var silo = await StartAsync();
        var userId = NewId("user");
        var company = "Initech-" + userId;
        var user = silo.GrainFactory.GetGrain<IUserGrain>(userId);
        await user.Create(Messages.Profile("Peter", "Gibbons", NewEmail("peter"), company: company, city: "Austin"));
        await user.Apply(Messages.HostAdded("ev-1", userId, 1));

        var updated = await user.Update(new UserProfileUpdate { City = "Dallas", JobTitle = "Engineer" });

        Assert.Equal("Dallas", updated.Value!.City);
        Assert.Equal(1, updated.Value.HostedEventCount);
        var directory = silo.Services.GetRequiredService<Grains.Users.IUserDirectory>();
        Assert.Empty((await directory.FilterAsync(new UserFilter { Company = company, City = "Austin" }, CancellationToken.None)).Value!.Items);
        var found = Assert.Single((await directory.FilterAsync(new UserFilter { Company = company, City = "dallas" }, CancellationToken.None)).Value!.Items);
        Assert.Equal("Engineer", found.JobTitle);
        Assert.Equal(1, found.HostedEventCount);
    }
}
