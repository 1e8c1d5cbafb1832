using Grains.Abstractions;
using Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using TestKit;
using static Grains.Tests.Users.EngagementSilo;

namespace Grains.Tests.Users;

public sealed class UserFilterTests
{
    internal sealed record Person(string Id, string LastName, string Company, string City, string JobTitle, int Hosted, int Attended, string Email);

    [Fact]
    public async Task FilterReturnsTheRightPageForCombinedCriteria()
    {
        await using var silo = await StartAsync();
        var people = await CreatePeopleAsync(silo, 40);
        var directory = silo.Services.GetRequiredService<IUserDirectory>();
        var filter = new UserFilter
        {
            Company = "ACME",
            City = "springfield",
            HostedEventCountMin = 1,
            AttendedEventCountMax = 2,
            SortBy = "lastName",
            SortOrder = "desc",
            Page = 2,
            PageSize = 3,
        };
        var expected = people
            .Where(p => p.Company == "Acme" && p.City == "Springfield" && p.Hosted >= 1 && p.Attended <= 2)
            .OrderByDescending(p => p.LastName.ToLowerInvariant() + '\u0001' + p.Id, StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.Count > 6, $"the data set should fill more than two pages, has {expected.Count}");

        var page = (await directory.FilterAsync(filter, CancellationToken.None)).Value!;

        Assert.Equal(expected.Count, page.Total);
        Assert.Equal((expected.Count + 2) / 3, page.TotalPages);
        Assert.Equal(expected.Skip(3).Take(3).Select(p => p.Id), page.Items.Select(i => i.Id));
        Assert.All(page.Items, i => Assert.Equal(people.Single(p => p.Id == i.Id).Hosted, i.HostedEventCount));
    }

    [Fact]
    public async Task FilterWithoutCriteriaPagesInIndexOrder()
    {
        await using var silo = await StartAsync();
        var people = await CreatePeopleAsync(silo, 20);
        var directory = silo.Services.GetRequiredService<IUserDirectory>();
        var expected = people.OrderByDescending(p => p.Hosted.ToString("D10") + '\u0001' + p.Id, StringComparer.Ordinal).ToList();

        var page = (await directory.FilterAsync(new UserFilter { SortBy = "hostedEventCount", SortOrder = "desc", Page = 3, PageSize = 4 }, CancellationToken.None)).Value!;

        Assert.Equal(20, page.Total);
        Assert.Equal(expected.Skip(8).Take(4).Select(p => p.Id), page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task FilterByCountRangeAloneUsesTheShardedIndex()
    {
        await using var silo = await StartAsync();
        var people = await CreatePeopleAsync(silo, 20);
        var directory = silo.Services.GetRequiredService<IUserDirectory>();

        var page = (await directory.FilterAsync(new UserFilter { AttendedEventCountMin = 2, AttendedEventCountMax = 3, HostedEventCountMax = 1, PageSize = 100 }, CancellationToken.None)).Value!;

        var expected = people.Where(p => p.Attended is >= 2 and <= 3 && p.Hosted <= 1).Select(p => p.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, page.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InvalidFilterIsRefused()
    {
        await using var silo = await StartAsync();
        var directory = silo.Services.GetRequiredService<IUserDirectory>();

        var badSort = await directory.FilterAsync(new UserFilter { SortBy = "shoeSize" }, CancellationToken.None);
        var badRange = await directory.FilterAsync(new UserFilter { HostedEventCountMin = 5, HostedEventCountMax = 2 }, CancellationToken.None);
        var unindexedSort = await directory.FilterAsync(new UserFilter { SortBy = "company" }, CancellationToken.None);

        Assert.Equal(FailureKind.Invalid, badSort.Failure?.Kind);
        Assert.Equal(FailureKind.Invalid, badRange.Failure?.Kind);
        Assert.Equal(FailureKind.Invalid, unindexedSort.Failure?.Kind);
    }

    /// <summary>People in two companies and three cities with varied hosted and attended counts, applied through messages.</summary>
    internal static async Task<List<Person>> CreatePeopleAsync(TestSilo silo, int count)
    {
        var companies = new[] { "Acme", "Globex" };
        var cities = new[] { "Springfield", "Shelbyville", "Springfield" };
        var people = Enumerable.Range(0, count).Select(i => new Person(
            NewId("p" + i.ToString("D2")),
            "Name" + ((i * 7) % 10).ToString("D2"),
            companies[i % 2 == 0 || i % 5 == 0 ? 0 : 1],
            cities[i % 3],
            i % 4 == 0 ? "Engineer" : "Manager",
            i % 3,
            i % 4,
            NewEmail("p" + i.ToString("D2")))).ToList();
        await Task.WhenAll(people.Select(async p =>
        {
            var user = silo.GrainFactory.GetGrain<IUserGrain>(p.Id);
            var created = await user.Create(Messages.Profile("First", p.LastName, p.Email, p.Company, p.JobTitle, p.City, "IL"));
            Assert.True(created.Succeeded, created.Failure?.Detail);
            for (var h = 0; h < p.Hosted; h++) await user.Apply(Messages.HostAdded($"ev-h{h}", p.Id, 1));
            for (var a = 0; a < p.Attended; a++) await user.Apply(Messages.Confirmed($"ev-a{a}", $"{p.Id}-b{a}"));
        }));
        var directory = silo.Services.GetRequiredService<IUserDirectory>();
        await Eventually.WaitUntilAsync(
            async () => (await directory.FilterAsync(new UserFilter { PageSize = 100 }, CancellationToken.None)).Value!.Total == count,
            "every user is indexed");
        return people;
    }
}
