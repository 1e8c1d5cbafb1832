using Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansDynamoDb.Journal;
using TestKit;
using static Grains.Tests.Events.EventFixtures;
using static Grains.Tests.Users.EngagementSilo;

namespace Grains.Tests.Events;

public sealed class BookingReminderTests
{
    private const string Title = "Reminder night";
    private const string Subject = $"Reminder: {Title} starts soon";

    [Fact]
    public async Task HoldersOfConfirmedBookingsGetOneReminderADayBeforeTheStart()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var silo = await StartAsync(time: time);
        var (ann, bob, cat) = (await NewUserAsync(silo, "ann"), await NewUserAsync(silo, "bob"), await NewUserAsync(silo, "cat"));
        var eventId = await CreateEventStartingInAsync(silo, TimeSpan.FromHours(30));
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        await BookAsync(grain, ann.Id, 2);
        var bobs = await BookAsync(grain, bob.Id, 1);
        await BookAsync(grain, cat.Id, 1);
        Assert.True((await grain.CancelBooking(new BookingCommand { Caller = Buyer(bob.Id), BookingId = bobs })).Succeeded);

        // Past the reminder time (24 h before the start) the grain's sweep queues them by itself.
        time.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));

        await WaitUntilAsync(time, async () => (await RemindersToAsync(ann.Email)).Count == 1 && (await RemindersToAsync(cat.Email)).Count == 1, "ann and cat are reminded");
        var reminder = Assert.Single(await RemindersToAsync(ann.Email));
        Assert.Contains("Hi Ann", (string?)reminder["body"]!["text"], StringComparison.Ordinal);
        Assert.Empty(await RemindersToAsync(bob.Email));
        await WaitUntilAsync(time, async () => (await silo.GrainFactory.GetGrain<IUserGrain>(ann.Id).GetCounters()).EmailsSent == 2, "ann's counter shows the confirmation and the reminder");
    }

    [Fact]
    public async Task RemindersAreQueuedOnceAcrossARestart()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var prefix = TestSilo.NewTablePrefix();
        string eventId;
        (string Id, string Email) ann;
        await using (var first = await StartAsync(prefix, time: time))
        {
            ann = await NewUserAsync(first, "ann");
            eventId = await CreateEventStartingInAsync(first, TimeSpan.FromHours(25));
            await BookAsync(first.GrainFactory.GetGrain<IEventGrain>(eventId), ann.Id, 1);
            time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
            await WaitUntilAsync(time, async () => (await RemindersToAsync(ann.Email)).Count == 1, "ann is reminded");
        }

        await using var second = await StartAsync(prefix, time: time);
        var grain = second.GrainFactory.GetGrain<IEventGrain>(eventId);
        Assert.True((await grain.GetAvailability()).Succeeded);
        time.Advance(TimeSpan.FromMinutes(10));
        // A booking after the reminder time gets no reminder, and its confirmation email shows that
        // the restarted grain's outbox has been delivered.
        var late = await NewUserAsync(second, "late");
        await BookAsync(grain, late.Id, 1);
        await WaitUntilAsync(time, async () => (await SesEmailsToAsync(late.Email)).Count == 1, "the late buyer's confirmation is sent");

        Assert.Equal(1, await JournalCountAsync(second, eventId, "\"remindersQueued\""));
        Assert.Single(await RemindersToAsync(ann.Email));
        Assert.Empty(await RemindersToAsync(late.Email));
    }

    [Fact]
    public async Task TheReminderLinksToTheTicketsAsTheConfirmationDoes()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var silo = await StartAsync(time: time);
        var ann = await NewUserAsync(silo, "ann");
        var eventId = await CreateEventStartingInAsync(silo, TimeSpan.FromHours(30));
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var booking = await BookAsync(grain, ann.Id, 2);

        time.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));

        await WaitUntilAsync(time, async () => (await SesEmailsToAsync(ann.Email)).Count == 2, "ann has her confirmation and her reminder");
        var confirmation = (await SesEmailsToAsync(ann.Email)).Single(e => ((string?)e["subject"])!.StartsWith("Booking confirmed", StringComparison.Ordinal));
        var link = TicketsLinkIn((string?)confirmation["body"]!["text"]);
        Assert.StartsWith($"http://tracking.test/events/{eventId}/bookings/{booking}/tickets.pdf?access=", link, StringComparison.Ordinal);
        var reminder = Assert.Single(await RemindersToAsync(ann.Email));
        Assert.Equal(link, TicketsLinkIn((string?)reminder["body"]!["text"]));
        Assert.Contains($"href=\"{link}\"", (string?)reminder["body"]!["html"], StringComparison.Ordinal);

        // The event grain opens the booking's tickets with the link's token alone.
        var access = Uri.UnescapeDataString(link[(link.IndexOf("access=", StringComparison.Ordinal) + "access=".Length)..]);
        var tickets = await grain.GetTicketsByLink(new TicketsLinkCommand { BookingId = booking, Access = access });
        Assert.True(tickets.Succeeded, tickets.Failure?.Detail);
        Assert.Equal(2, tickets.Value!.Items.Count);
    }

    private static string TicketsLinkIn(string? text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text ?? "", @"https?://\S+/tickets\.pdf\?access=[A-Za-z0-9_%-]+");
        Assert.True(match.Success, $"No tickets link in: {text}");
        return match.Value;
    }

    /// <summary>The grains' timers run on the test clock: it moves on a little while the test waits.</summary>
    private static Task WaitUntilAsync(FakeTimeProvider time, Func<Task<bool>> condition, string what) =>
        Eventually.WaitUntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            return await condition();
        }, what);

    private static async Task<(string Id, string Email)> NewUserAsync(TestSilo silo, string name)
    {
        var id = NewId(name);
        var email = NewEmail(name);
        var first = char.ToUpperInvariant(name[0]) + name[1..];
        Assert.True((await silo.GrainFactory.GetGrain<IUserGrain>(id).Create(Users.Messages.Profile(first, "Tester", email))).Succeeded);
        return (id, email);
    }

    private static Task<string> CreateEventStartingInAsync(TestSilo silo, TimeSpan startsIn)
    {
        var startAt = TestClock.Start + startsIn;
        return CreateReservedEventAsync(silo.GrainFactory, 1, 1, 10, definition: Definition() with
        {
            Title = Title,
            StartAt = startAt,
            EndAt = startAt.AddHours(3),
        });
    }

    private static async Task<string> BookAsync(IEventGrain grain, string userId, int quantity)
    {
        var hold = await grain.PlaceHold(new PlaceHold { Caller = Buyer(userId), Quantity = quantity });
        Assert.True(hold.Succeeded, hold.Failure?.Detail);
        var booking = await grain.Confirm(new ConfirmHold { Caller = Buyer(userId), HoldId = hold.Value!.HoldId });
        Assert.True(booking.Succeeded, booking.Failure?.Detail);
        return booking.Value!.BookingId;
    }

    private static async Task<IReadOnlyList<System.Text.Json.Nodes.JsonNode>> RemindersToAsync(string email) =>
        (await SesEmailsToAsync(email)).Where(e => (string?)e["subject"] == Subject).ToList();

    private static async Task<int> JournalCountAsync(TestSilo silo, string eventId, string text)
    {
        var storage = silo.Services.GetRequiredService<IJournalStorage>();
        var count = 0;
        await foreach (var entry in storage.ReadEntriesAsync(GrainId.Create("event", eventId), 0, CancellationToken.None))
        {
            var json = System.Text.Encoding.UTF8.GetString(Grains.Events.Journal.JournalCodec.Json(entry.Payload).Span);
            count += json.Split(text).Length - 1;
        }

        return count;
    }
}
