namespace LoadTest.Scenarios;

/// <summary>
/// The order in which the door sees the tickets. Every ticket is scanned twice in a row at two
/// different gates, so two scanners post the same code at about the same time; a fraction of the
/// tickets comes back once more later, at a random gate. Scanners take the scans in plan order.
/// </summary>
internal static class ScanPlan
{
    /// <summary>A re-scan comes this share of the door's tickets later at most (at least one ticket later).</summary>
    private const int RescanSpreadDivisor = 4;

    public static PlannedScan[] Build(int tickets, int gates, double rescanFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tickets, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(gates, 2);
        var random = new Random(seed);
        var arrivals = Shuffled(tickets, random);
        var rescanned = new bool[tickets];
        var rescans = (int)Math.Round(Math.Clamp(rescanFraction, 0, 1) * tickets, MidpointRounding.AwayFromZero);
        foreach (var ticket in Shuffled(tickets, random).Take(rescans)) rescanned[ticket] = true;

        // (arrival slot, order within the slot): a pair keeps its slot, a re-scan joins a later one after its pairs.
        var keyed = new List<(int Slot, int Order, PlannedScan Scan)>(2 * tickets + rescans);
        var spread = Math.Max(1, tickets / RescanSpreadDivisor);
        for (var slot = 0; slot < tickets; slot++)
        {
            var ticket = arrivals[slot];
            var first = random.Next(gates);
            var twin = (first + 1 + random.Next(gates - 1)) % gates;
            keyed.Add((slot, 0, new PlannedScan(ticket, first, ScanKind.First)));
            keyed.Add((slot, 1, new PlannedScan(ticket, twin, ScanKind.Twin)));
            if (rescanned[ticket])
            {
                var later = Math.Min(tickets - 1, slot + 1 + random.Next(spread));
                keyed.Add((later, 2, new PlannedScan(ticket, random.Next(gates), ScanKind.Rescan)));
            }
        }

        // Order 2 puts a re-scan behind its slot's pair, so one clamped to its own (the last) slot still follows its pair.
        return keyed
            .OrderBy(k => k.Slot)
            .ThenBy(k => k.Order)
            .Select(k => k.Scan)
            .ToArray();
    }

    private static int[] Shuffled(int count, Random random)
    {
        var items = Enumerable.Range(0, count).ToArray();
        random.Shuffle(items);
        return items;
    }
}
