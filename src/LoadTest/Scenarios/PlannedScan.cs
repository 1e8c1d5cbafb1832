namespace LoadTest.Scenarios;

/// <summary>One scan the door will see: which ticket (index into the booked tickets), at which gate, and why.</summary>
internal readonly record struct PlannedScan(int Ticket, int Gate, ScanKind Kind);

internal enum ScanKind
{
    /// <summary>The first of a ticket's two simultaneous scans.</summary>
    First,

    /// <summary>The same ticket at another gate, right after the first: the pair races for one admission.</summary>
    Twin,

    /// <summary>The same ticket again, well after its pair (a pass-back or a copied code).</summary>
    Rescan,
}
