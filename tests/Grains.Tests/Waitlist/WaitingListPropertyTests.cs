using Grains.Waitlist;

namespace Grains.Tests.Waitlist;

/// <summary>
/// Random join, leave, release, lapse and accept sequences against a small seat pool, checking the
/// list's promises after every step and its offers against a plain FIFO scan.
/// </summary>
public sealed class WaitingListPropertyTests
{
    private static readonly DateTimeOffset s_start = new(2027, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_offer = TimeSpan.FromMinutes(10);

    [Fact]
    public void RandomSequencesKeepTheInvariants()
    {
        for (var seed = 1; seed <= 150; seed++)
        {
            Run(new Random(seed), steps: 300);
        }
    }

    private static void Run(Random random, int steps)
    {
        const int capacity = 20;
        var list = new WaitingList();
        var free = 0;
        var sold = capacity;
        var holds = new Dictionary<string, int>();
        var nextHold = 1;
        var now = s_start;

        for (var step = 0; step < steps; step++)
        {
            now = now.AddSeconds(random.Next(1, 30));
            switch (random.Next(6))
            {
                case 0:
                    list.Join($"u{random.Next(30)}", random.Next(1, 6), free, 5, now);
                    break;
                case 1:
                    if (list.Leave($"u{random.Next(30)}", now)?.Offer is { } leftOffer && holds.Remove(leftOffer.HoldId, out var leftSeats)) free += leftSeats;
                    break;
                case 2 when sold > 0:
                    var released = random.Next(1, Math.Min(sold, 6) + 1);
                    sold -= released;
                    free += released;
                    break;
                case 3 when holds.Count > 0:
                    var lapsed = holds.Keys.ElementAt(random.Next(holds.Count));
                    Assert.Equal(WaitlistStatus.Expired, list.Lapse(lapsed, now)!.Status);
                    free += holds[lapsed];
                    holds.Remove(lapsed);
                    break;
                case 4 when holds.Count > 0:
                    var accepted = holds.Keys.ElementAt(random.Next(holds.Count));
                    Assert.Equal(WaitlistStatus.Accepted, list.Accept(accepted, now)!.Status);
                    sold += holds[accepted];
                    holds.Remove(accepted);
                    break;
                default:
                    // Someone outside the list buys a free seat that nobody waiting could use.
                    if (free > 0 && list.OfferFreedSeats(free, now, s_offer).Count == 0)
                    {
                        free--;
                        sold++;
                    }

                    break;
            }

            var skipped = random.Next(1, 8);
            Func<WaitlistEntry, bool> eligible = e => e.Number % skipped != 0;
            Assert.Equal(FifoScan(list, free, eligible), list.OfferFreedSeats(free, now, s_offer, eligible).Select(p => p.Entry.Number));

            // What the event grain does whenever seats come back: offer them at once.
            var plans = list.OfferFreedSeats(free, now, s_offer);
            Assert.Equal(FifoScan(list, free, _ => true), plans.Select(p => p.Entry.Number));
            Assert.True(plans.Sum(p => p.Quantity) <= free, $"Offered {plans.Sum(p => p.Quantity)} seats with {free} free.");
            foreach (var plan in plans)
            {
                var holdId = $"h-{nextHold++}";
                list.MarkOffered(plan.Entry.Number, holdId, plan.ExpiresAt);
                holds.Add(holdId, plan.Quantity);
                free -= plan.Quantity;
            }

            AssertInvariants(list, holds, free, sold, capacity);
        }
    }

    private static void AssertInvariants(WaitingList list, Dictionary<string, int> holds, int free, int sold, int capacity)
    {
        Assert.Equal(capacity, free + sold + holds.Values.Sum());
        var active = list.Entries.Where(e => e.IsActive).ToList();
        Assert.Equal(active.Count, active.Select(e => e.UserId).Distinct().Count());
        var offered = list.Entries.Where(e => e.Status == WaitlistStatus.Offered).ToList();
        Assert.Equal(holds.Keys.Order(), offered.Select(e => e.Offer!.HoldId).Order());
        Assert.All(offered, e => Assert.Equal(holds[e.Offer!.HoldId], e.Quantity));
        // After offering, no waiting entry fits the seats still free.
        Assert.All(list.Entries.Where(e => e.Status == WaitlistStatus.Waiting), e => Assert.True(e.Quantity > free));
        var waiting = list.Entries.Where(e => e.Status == WaitlistStatus.Waiting).ToList();
        for (var i = 0; i < waiting.Count; i++) Assert.Equal(i + 1, list.PositionOf(waiting[i].UserId));
        var counts = list.Counts();
        Assert.Equal((waiting.Count, offered.Count, waiting.Sum(e => e.Quantity)), (counts.Waiting, counts.Offered, counts.SeatsWaitedFor));
    }

    private static IEnumerable<int> FifoScan(WaitingList list, int free, Func<WaitlistEntry, bool> eligible)
    {
        var taken = new List<int>();
        foreach (var entry in list.Entries.Where(e => e.Status == WaitlistStatus.Waiting))
        {
            if (entry.Quantity > free || !eligible(entry)) continue;
            taken.Add(entry.Number);
            free -= entry.Quantity;
        }

        return taken;
    }
}
