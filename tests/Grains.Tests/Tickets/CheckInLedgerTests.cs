using Grains.Tickets;

namespace Grains.Tests.Tickets;

public sealed class CheckInLedgerTests
{
    private static readonly DateTimeOffset s_doors = new(2027, 6, 1, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FirstScanAdmits()
    {
        var ledger = new CheckInLedger();

        var result = ledger.Admit("t1-1", "north", At(1));

        Assert.Equal(CheckInResult.Admitted("t1-1", new CheckIn { At = At(1), Gate = "north" }), result);
    }

    [Fact]
    public void SameTicketAgainIsADuplicateNamingTheFirstCheckIn()
    {
        var ledger = new CheckInLedger();
        ledger.Admit("t1-1", "north", At(1));

        var again = ledger.Admit("t1-1", "south", At(5));

        Assert.Equal(CheckInStatus.Duplicate, again.Status);
        Assert.Equal((At(1), "north"), (again.CheckedInAt, again.Gate));
    }

    [Fact]
    public void TicketOfACancelledBookingIsRefused()
    {
        var ledger = new CheckInLedger();

        var result = ledger.Admit("t1-1", "north", At(5), cancelledAt: At(2));

        Assert.Equal(CheckInStatus.Cancelled, result.Status);
        Assert.Null(ledger.Find("t1-1"));
    }

    [Fact]
    public void BatchWithDuplicatesAdmitsEachTicketOnce()
    {
        var ledger = new CheckInLedger();
        GateScan[] scans =
        [
            new("t1-1", "east", At(9)),
            new("t1-2", "east", At(3)),
            new("t1-1", "west", At(4)),
            new("t1-1", "east", At(6)),
            new("t2-1", "west", At(7)),
        ];

        var results = ledger.AdmitBatch(scans);

        Assert.Equal(
            [CheckInStatus.Duplicate, CheckInStatus.Admitted, CheckInStatus.Admitted, CheckInStatus.Duplicate, CheckInStatus.Admitted],
            results.Select(r => r.Status));
        // Every answer about t1-1 names the earliest scan, which is the admission.
        Assert.All(results.Where(r => r.TicketId == "t1-1"), r => Assert.Equal((At(4), "west"), (r.CheckedInAt, r.Gate)));
        Assert.Equal(3, ledger.CheckedIn);
    }

    [Fact]
    public void EarliestScanWinsAcrossBatches()
    {
        var ledger = new CheckInLedger();
        ledger.AdmitBatch([new GateScan("t1-1", "east", At(10))]);

        var later = ledger.AdmitBatch([new GateScan("t1-1", "west", At(2))]);

        Assert.Equal(CheckInStatus.Admitted, later[0].Status);
        Assert.Equal(new CheckIn { At = At(2), Gate = "west", Offline = true }, ledger.Find("t1-1"));
        Assert.Equal(new Dictionary<string, int> { ["west"] = 1 }, ledger.Stats(1).ByGate);
        Assert.Equal(CheckInStatus.Duplicate, ledger.AdmitBatch([new GateScan("t1-1", "east", At(10))])[0].Status);
    }

    [Fact]
    public void OfflineScanEarlierThanAnOnlineAdmissionIsADuplicate()
    {
        var ledger = new CheckInLedger();
        ledger.Admit("t1-1", "main", At(10));

        var result = ledger.AdmitBatch([new GateScan("t1-1", "side", At(2))])[0];

        Assert.Equal(CheckInStatus.Duplicate, result.Status);
        Assert.Equal((At(10), "main"), (result.CheckedInAt, result.Gate));
    }

    [Fact]
    public void OnlineScanAfterAnOfflineAdmissionIsADuplicate()
    {
        var ledger = new CheckInLedger();
        ledger.AdmitBatch([new GateScan("t1-1", "side", At(2))]);

        var result = ledger.Admit("t1-1", "main", At(10));

        Assert.Equal(CheckInStatus.Duplicate, result.Status);
        Assert.Equal((At(2), "side"), (result.CheckedInAt, result.Gate));
    }

    [Fact]
    public void RetriedBatchIsAnsweredAsBefore()
    {
        var ledger = new CheckInLedger();
        GateScan[] scans = [new("t1-1", "east", At(1)), new("t1-1", "east", At(3)), new("t1-2", "east", At(2))];
        var first = ledger.AdmitBatch(scans);

        var retried = ledger.AdmitBatch(scans);

        Assert.Equal(first, retried);
        Assert.Equal(2, ledger.CheckedIn);
    }

    [Fact]
    public void OfflineScanBeforeTheCancellationCountsAndOneAfterItDoesNot()
    {
        var ledger = new CheckInLedger();

        var results = ledger.AdmitBatch(
        [
            new GateScan("t1-1", "east", At(5), CancelledAt: At(3)),
            new GateScan("t1-2", "east", At(1), CancelledAt: At(3)),
        ]);

        Assert.Equal([CheckInStatus.Cancelled, CheckInStatus.Admitted], results.Select(r => r.Status));
    }

    [Fact]
    public void StatsCountAdmissionsPerGate()
    {
        var ledger = new CheckInLedger();
        ledger.Admit("t1-1", "north", At(1));
        ledger.Admit("t1-2", "north", At(2));
        ledger.Admit("t1-3", null, At(3));
        ledger.Admit("t1-1", "south", At(4));

        var stats = ledger.Stats(tickets: 10);

        Assert.Equal((10, 3), (stats.Tickets, stats.CheckedIn));
        Assert.Equal(new Dictionary<string, int> { ["north"] = 2, [CheckInLedger.NoGate] = 1 }, stats.ByGate);
    }

    [Fact]
    public void RandomScansAdmitEveryTicketOnceAtItsEarliestOfflineScan()
    {
        var random = new Random(20270601);
        for (var round = 0; round < 200; round++)
        {
            var ledger = new CheckInLedger();
            var earliest = new Dictionary<string, DateTimeOffset>();
            for (var batch = 0; batch < 5; batch++)
            {
                var scans = Enumerable.Range(0, random.Next(1, 20))
                    .Select(_ => new GateScan($"t{random.Next(1, 6)}-1", $"gate{random.Next(3)}", At(random.Next(0, 600))))
                    .ToList();
                ledger.AdmitBatch(scans);
                foreach (var scan in scans)
                {
                    earliest[scan.TicketId] = earliest.TryGetValue(scan.TicketId, out var at) && at <= scan.ScannedAt ? at : scan.ScannedAt;
                }
            }

            Assert.Equal(earliest.Count, ledger.CheckedIn);
            Assert.All(earliest, e => Assert.Equal(e.Value, ledger.Find(e.Key)!.At));
            var stats = ledger.Stats(earliest.Count);
            Assert.Equal(ledger.CheckedIn, stats.ByGate.Values.Sum());
            Assert.Equal(stats.ByGate, new CheckInLedger(ledger.CheckIns).Stats(earliest.Count).ByGate);
        }
    }

    [Fact]
    public void LedgerSurvivesOrleansSerializationAndItsSnapshot()
    {
        var ledger = new CheckInLedger();
        ledger.Admit("t1-1", "north", At(1));
        ledger.AdmitBatch([new GateScan("t2-1", "south", At(2))]);
        _ = ledger.Stats(2);

        var json = System.Text.Json.JsonSerializer.Serialize(ledger.CheckIns, System.Text.Json.JsonSerializerOptions.Web);
        var journaled = new CheckInLedger(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, CheckIn>>(json, System.Text.Json.JsonSerializerOptions.Web)!);

        foreach (var copy in new[] { OrleansCopy.RoundTrip(ledger), journaled })
        {
            Assert.Equal(ledger.CheckIns, copy.CheckIns);
            Assert.Equal(ledger.Stats(2).ByGate, copy.Stats(2).ByGate);
            Assert.Equal(CheckInStatus.Duplicate, copy.Admit("t1-1", "east", At(9)).Status);
            Assert.Equal(CheckInStatus.Admitted, copy.AdmitBatch([new GateScan("t2-1", "west", At(1))])[0].Status);
        }
    }

    private static DateTimeOffset At(int seconds) => s_doors.AddSeconds(seconds);
}
