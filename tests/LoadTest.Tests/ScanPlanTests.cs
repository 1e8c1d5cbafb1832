using LoadTest.Scenarios;

namespace LoadTest.Tests;

public sealed class ScanPlanTests
{
    [Fact]
    public void Every_ticket_is_scanned_twice_in_a_row_at_two_different_gates()
    {
        var plan = ScanPlan.Build(tickets: 1_000, gates: 4, rescanFraction: 0, seed: 1);

        Assert.Equal(2_000, plan.Length);
        for (var i = 0; i < plan.Length; i += 2)
        {
            Assert.Equal(ScanKind.First, plan[i].Kind);
            Assert.Equal(ScanKind.Twin, plan[i + 1].Kind);
            Assert.Equal(plan[i].Ticket, plan[i + 1].Ticket);
            Assert.NotEqual(plan[i].Gate, plan[i + 1].Gate);
        }

        Assert.Equal(Enumerable.Range(0, 1_000), plan.Where(s => s.Kind == ScanKind.First).Select(s => s.Ticket).Order());
    }

    [Fact]
    public void The_rescanned_fraction_comes_back_once_after_its_pair()
    {
        var plan = ScanPlan.Build(tickets: 1_000, gates: 3, rescanFraction: 0.2, seed: 7);

        var rescans = plan.Select((scan, position) => (scan, position)).Where(p => p.scan.Kind == ScanKind.Rescan).ToList();
        Assert.Equal(200, rescans.Count);
        Assert.Equal(200, rescans.Select(r => r.scan.Ticket).Distinct().Count());
        foreach (var (scan, position) in rescans)
        {
            var twin = Array.FindIndex(plan, s => s.Ticket == scan.Ticket && s.Kind == ScanKind.Twin);
            Assert.True(position > twin, $"ticket {scan.Ticket} is scanned again at {position}, before its pair at {twin}");
        }

        Assert.All(plan, s => Assert.InRange(s.Gate, 0, 2));
        Assert.Equal(2_200, plan.Length);
    }

    [Fact]
    public void Every_ticket_can_come_back_even_the_last_one()
    {
        var plan = ScanPlan.Build(tickets: 5, gates: 2, rescanFraction: 1, seed: 3);

        Assert.Equal(15, plan.Length);
        Assert.All(plan.GroupBy(s => s.Ticket), scans => Assert.Equal([ScanKind.First, ScanKind.Twin, ScanKind.Rescan], scans.Select(s => s.Kind)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan()
    {
        Assert.Equal(ScanPlan.Build(500, 4, 0.3, seed: 15), ScanPlan.Build(500, 4, 0.3, seed: 15));
        Assert.NotEqual(ScanPlan.Build(500, 4, 0.3, seed: 15), ScanPlan.Build(500, 4, 0.3, seed: 16));
    }
}
