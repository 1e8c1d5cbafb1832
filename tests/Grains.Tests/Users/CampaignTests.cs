using Grains.Abstractions;
using TestKit;
using static Grains.Tests.Users.EngagementSilo;

namespace Grains.Tests.Users;

public sealed class CampaignTests
{
    [Fact]
    public async Task CampaignToFilteredSetReachesExactlyThatSet()
    {
        await using var silo = await StartAsync(settings: new Dictionary<string, string?> { ["Email:CampaignConcurrency"] = "3" });
        var people = await UserFilterTests.CreatePeopleAsync(silo, 24);
        var campaignId = NewId("campaign");
        var subject = "Spring meetup " + campaignId;
        var campaign = silo.GrainFactory.GetGrain<ICampaignGrain>(campaignId);
        var filter = new UserFilter { Company = "acme", City = "Springfield", AttendedEventCountMin = 1 };
        var expected = people.Where(p => p.Company == "Acme" && p.City == "Springfield" && p.Attended >= 1).ToList();

        var started = await campaign.Start(new StartCampaign { RequestedBy = "organizer-1", Subject = subject, Message = "Join us!\n\nBring a friend.", Filter = filter });

        Assert.True(started.Created);
        Assert.Equal(expected.Count, started.Value!.Recipients);
        await Eventually.WaitUntilAsync(async () => (await campaign.Get())?.Status == "completed", "the campaign completes");
        var received = await SesEmailsWithSubjectAsync(subject);
        var recipients = received.Select(e => (string)e["destination"]!["to"]![0]!).ToList();
        Assert.Equal(expected.Select(p => p.Email).Order(StringComparer.OrdinalIgnoreCase), recipients.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Contains("<p>Join us!</p><p>Bring a friend.</p>", (string?)received[0]["body"]!["html"], StringComparison.Ordinal);
        var view = (await campaign.Get())!;
        Assert.Equal((expected.Count, expected.Count, 0), (view.Sent, view.Processed, view.Failed));

        // Starting it again changes nothing.
        var again = await campaign.Start(new StartCampaign { RequestedBy = "organizer-1", Subject = subject, Message = "Join us!", Filter = filter });
        Assert.False(again.Created);
        Assert.Equal(expected.Count, (await SesEmailsWithSubjectAsync(subject)).Count);
    }

    [Fact]
    public async Task CampaignToUserIdsSkipsDuplicates()
    {
        await using var silo = await StartAsync();
        var userId = NewId("user");
        var email = NewEmail("campaign");
        await silo.GrainFactory.GetGrain<IUserGrain>(userId).Create(Messages.Profile("Linus", "Torvalds", email));
        var campaign = silo.GrainFactory.GetGrain<ICampaignGrain>(NewId("campaign"));

        var started = await campaign.Start(new StartCampaign { RequestedBy = "admin", Subject = "Hello " + userId, Message = "Hi", UserIds = [userId, userId] });

        Assert.Equal(1, started.Value!.Recipients);
        await Eventually.WaitUntilAsync(async () => (await campaign.Get())?.Status == "completed", "the campaign completes");
        Assert.Single(await SesEmailsWithSubjectAsync("Hello " + userId));
    }
}
