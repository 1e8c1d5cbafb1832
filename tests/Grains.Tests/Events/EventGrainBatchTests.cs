using System.Text;
using Grains.Abstractions;
using Grains.Events.Journal;
using Microsoft.Extensions.DependencyInjection;
using OrleansDynamoDb.Journal;
using TestKit;
using static Grains.Tests.Events.EventFixtures;

namespace Grains.Tests.Events;

public sealed class EventGrainBatchTests
{
    private const string Hold = "\"$t\":\"hold\"";

    [Fact]
    public async Task ABatchOfHoldsIsDecidedInOrderEachAnsweredAsIfAloneAndJournaledInOneWrite()
    {
        await using var silo = await TestSilo.StartAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 10);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var writesBefore = await JournalEntriesAsync(silo, eventId);

        var answers = await grain.PlaceHolds(
        [
            new PlaceHold { Caller = Buyer("ann"), Seats = ["S1:R1:1", "S1:R1:2"] },
            new PlaceHold { Caller = Buyer("bob"), Seats = ["S1:R1:2", "S1:R1:3"] },
            new PlaceHold { Caller = Buyer("cid"), Quantity = 3 },
            new PlaceHold { Caller = Buyer("dee"), Quantity = 0 },
        ]);

        Assert.Equal(4, answers.Count);
        Assert.Equal(["S1:R1:1", "S1:R1:2"], answers[0].Value!.Seats);
        Assert.Equal(FailureKind.Conflict, answers[1].Failure!.Kind);
        Assert.Equal(["S1:R1:2"], answers[1].Failure!.UnavailableSeats!);
        Assert.Equal(3, answers[2].Value!.Seats.Count);
        Assert.Empty(answers[2].Value!.Seats.Intersect(answers[0].Value!.Seats));
        Assert.Equal(FailureKind.Invalid, answers[3].Failure!.Kind);

        // Answered only once durable: both holds are in the journal, in one entry (background
        // marks such as an outbox delivery may be written on their own around it).
        var withHolds = (await JournalEntriesAsync(silo, eventId)).Skip(writesBefore.Count).Where(json => json.Contains(Hold, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, Occurrences(Assert.Single(withHolds), Hold));
        Assert.Equal(5, (await grain.GetAvailability()).Value!.Held);
    }

    [Fact]
    public async Task ABatchOfReleasesAnswersEachReleaseAsIfAlone()
    {
        await using var silo = await TestSilo.StartAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 10);
        var grain = silo.GrainFactory.GetGrain<IEventGrain>(eventId);
        var ann = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("ann"), Quantity = 2 })).Value!;
        var bob = (await grain.PlaceHold(new PlaceHold { Caller = Buyer("bob"), Quantity = 3 })).Value!;

        var answers = await grain.ReleaseHolds(
        [
            new HoldCommand { Caller = Buyer("ann"), HoldId = ann.HoldId },
            new HoldCommand { Caller = Buyer("ann"), HoldId = bob.HoldId },
            new HoldCommand { Caller = Buyer("ann"), HoldId = ann.HoldId },
            new HoldCommand { Caller = Buyer("bob"), HoldId = "h-404" },
        ]);

        Assert.Equal(("released", true), (answers[0].Value!.Status, answers[0].Created));
        Assert.Equal(FailureKind.Forbidden, answers[1].Failure!.Kind);
        Assert.Equal(("released", false), (answers[2].Value!.Status, answers[2].Created));
        Assert.Equal(FailureKind.NotFound, answers[3].Failure!.Kind);
        var availability = (await grain.GetAvailability()).Value!;
        Assert.Equal((7, 3), (availability.Available, availability.Held));
    }

    [Fact]
    public async Task AnEmptyBatchAnswersNothing()
    {
        await using var silo = await TestSilo.StartAsync();
        var eventId = await CreateReservedEventAsync(silo.GrainFactory, 1, 1, 10);

        Assert.Empty(await silo.GrainFactory.GetGrain<IEventGrain>(eventId).PlaceHolds([]));
    }

    private static async Task<List<string>> JournalEntriesAsync(TestSilo silo, string eventId)
    {
        var storage = silo.Services.GetRequiredService<IJournalStorage>();
        var entries = new List<string>();
        await foreach (var entry in storage.ReadEntriesAsync(GrainId.Create("event", eventId), 0, CancellationToken.None))
        {
            entries.Add(Encoding.UTF8.GetString(JournalCodec.Json(entry.Payload).Span));
        }

        return entries;
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
