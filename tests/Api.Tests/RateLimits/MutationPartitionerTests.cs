using System.Security.Claims;
using Api.RateLimits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Api.Tests.RateLimits;

public sealed class MutationPartitionerTests
{
    private static readonly RateLimitOptions _settings = new()
    {
        Mutations = new() { PermitsPerSecond = 10, Burst = 20 },
        Events = new(StringComparer.OrdinalIgnoreCase) { ["on-sale-1"] = new() { PermitsPerSecond = 2, Burst = 4 } },
    };

    [Fact]
    public void EventWithItsOwnSettingGetsItsOwnBucketPerUser()
    {
        var partitioner = new MutationPartitioner(Options.Create(_settings));

        var onSale = partitioner.Partition(Request("ana", "on-sale-1"));
        var other = partitioner.Partition(Request("ana", "other-event"));

        Assert.Equal(new MutationPartition("ana", "on-sale-1"), onSale.PartitionKey);
        Assert.Equal(4, partitioner.SettingsOf(onSale.PartitionKey).TokenLimit);
        Assert.Equal(new MutationPartition("ana", null), other.PartitionKey);
        Assert.Equal(20, partitioner.SettingsOf(other.PartitionKey).TokenLimit);
    }

    [Fact]
    public void BudgetIsDividedAmongInstances()
    {
        var settings = new RateLimitOptions { InstanceCount = 4, Mutations = new() { PermitsPerSecond = 10, Burst = 20 } };
        var partitioner = new MutationPartitioner(Options.Create(settings));

        var bucket = partitioner.SettingsOf(partitioner.Partition(Request("ana", "e")).PartitionKey);

        Assert.Equal(5, bucket.TokenLimit);
        Assert.Equal(2.5, bucket.TokensPerPeriod / bucket.ReplenishmentPeriod.TotalSeconds, precision: 6);
    }

    [Fact]
    public void AnonymousMutationIsLeftToTheAddressLimiter()
    {
        var partitioner = new MutationPartitioner(Options.Create(_settings));

        Assert.Equal(default, partitioner.Partition(new DefaultHttpContext()).PartitionKey);
    }

    private static DefaultHttpContext Request(string userId, string eventId)
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", userId)], "Bearer")) };
        context.Request.RouteValues["eventId"] = eventId;
        return context;
    }
}
