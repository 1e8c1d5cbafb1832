using System.Buffers;

namespace Grains.Events.Seating;

/// <summary>
/// Mutable seat states of one event. Used only inside the event grain's turn, so there is no locking.
/// </summary>
/// <remarks>
/// State transitions throw <see cref="InvalidOperationException"/> on a wrong current state: the grain
/// checks availability before mutating, so reaching one means its bookkeeping is broken, not that a
/// customer lost a race.
/// </remarks>
public sealed class SeatInventory
{
    private const int NoOwner = -1;

    private readonly SeatLayout _layout;
    private readonly byte[] _state;
    private readonly int[] _owner;
    // Kept so best-available skips full rows and ineligible sections without touching seat bytes.
    private readonly int[] _rowFree;
    private readonly int[] _sectionFree;
    private int _heldCount;
    private int _bookedCount;

    public SeatInventory(SeatLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _state = new byte[layout.SeatCount];
        _owner = new int[layout.SeatCount];
        Array.Fill(_owner, NoOwner);
        _rowFree = new int[layout.RowCount];
        _sectionFree = new int[layout.SectionCount];
        var starts = layout.RowStarts;
        for (var row = 0; row < _rowFree.Length; row++)
        {
            var length = starts[row + 1] - starts[row];
            _rowFree[row] = length;
            _sectionFree[layout.SectionOfRowUnchecked(row)] += length;
        }
    }

    public SeatLayout Layout => _layout;

    public int FreeCount => _state.Length - _heldCount - _bookedCount;

    public int HeldCount => _heldCount;

    public int BookedCount => _bookedCount;

    public SeatState StateOf(int seat)
    {
        _layout.CheckSeat(seat);
        return (SeatState)_state[seat];
    }

    /// <summary>The caller's tag (hold or booking number) on the seat, or -1 when the seat is free.</summary>
    public int OwnerOf(int seat)
    {
        _layout.CheckSeat(seat);
        return _owner[seat];
    }

    public void Hold(int seat, int owner)
    {
        _layout.CheckSeat(seat);
        CheckOwner(owner);
        if (_state[seat] != (byte)SeatState.Free)
        {
            throw BrokenInvariant(seat, "hold");
        }

        _state[seat] = (byte)SeatState.Held;
        _owner[seat] = owner;
        _heldCount++;
        var row = _layout.RowOfSeatUnchecked(seat);
        _rowFree[row]--;
        _sectionFree[_layout.SectionOfRowUnchecked(row)]--;
    }

    /// <summary>Turns a held seat into a booked one; <paramref name="owner"/> replaces the hold tag.</summary>
    public void Book(int seat, int owner)
    {
        _layout.CheckSeat(seat);
        CheckOwner(owner);
        if (_state[seat] != (byte)SeatState.Held)
        {
            throw BrokenInvariant(seat, "book");
        }

        _state[seat] = (byte)SeatState.Booked;
        _owner[seat] = owner;
        _heldCount--;
        _bookedCount++;
    }

    public void Release(int seat)
    {
        _layout.CheckSeat(seat);
        switch ((SeatState)_state[seat])
        {
            case SeatState.Held:
                _heldCount--;
                break;
            case SeatState.Booked:
                _bookedCount--;
                break;
            default:
                throw BrokenInvariant(seat, "release");
        }

        _state[seat] = (byte)SeatState.Free;
        _owner[seat] = NoOwner;
        var row = _layout.RowOfSeatUnchecked(seat);
        _rowFree[row]++;
        _sectionFree[_layout.SectionOfRowUnchecked(row)]++;
    }

    public bool AreAllFree(ReadOnlySpan<int> seats)
    {
        foreach (var seat in seats)
        {
            _layout.CheckSeat(seat);
            if (_state[seat] != (byte)SeatState.Free)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Picks <paramref name="quantity"/> free seats, best first: one contiguous block in the best row that
    /// leaves no single orphan seat, else a contiguous block that does, else seats split over the best rows.
    /// </summary>
    /// <param name="section">Restricts the search to one section index, or null for all.</param>
    /// <param name="seatType">Restricts the search to sections of this seat type, or null for all.</param>
    /// <param name="result">Cleared, then filled with the chosen seat indices in ascending order.</param>
    /// <returns>False, with <paramref name="result"/> empty, when too few eligible seats are free.</returns>
    public bool TryFindBestAvailable(int quantity, int? section, string? seatType, List<int> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var firstSection = 0;
        var endSection = _layout.SectionCount;
        if (section is { } only)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(only, nameof(section));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(only, endSection, nameof(section));
            firstSection = only;
            endSection = only + 1;
        }

        result.Clear();
        long eligibleFree = 0;
        for (var s = firstSection; s < endSection; s++)
        {
            if (IsEligible(s, seatType))
            {
                eligibleFree += _sectionFree[s];
            }
        }

        if (eligibleFree < quantity)
        {
            return false;
        }

        if (quantity > _layout.MaxRowLength
            || !TryFindContiguous(quantity, firstSection, endSection, seatType, result))
        {
            TakeSplit(quantity, firstSection, endSection, seatType, result);
        }

        return true;
    }

    private bool TryFindContiguous(int quantity, int firstSection, int endSection, string? seatType, List<int> result)
    {
        var starts = _layout.RowStarts;
        var fallbackStart = -1;
        for (var s = firstSection; s < endSection; s++)
        {
            if (!IsEligible(s, seatType))
            {
                continue;
            }

            for (int row = _layout.SectionFirstRow(s), end = _layout.SectionEndRow(s); row < end; row++)
            {
                if (_rowFree[row] < quantity)
                {
                    continue;
                }

                var rowStart = starts[row];
                var seats = new ReadOnlySpan<byte>(_state, rowStart, starts[row + 1] - rowStart);
                FindPlacements(seats, quantity, _rowFree[row], out var clean, out var any);
                if (clean >= 0)
                {
                    AddRange(result, rowStart + clean, quantity);
                    return true;
                }

                // Only the best row with an orphaning block matters, and only if no row avoids orphans.
                if (any >= 0 && fallbackStart < 0)
                {
                    fallbackStart = rowStart + any;
                }
            }
        }

        if (fallbackStart < 0)
        {
            return false;
        }

        AddRange(result, fallbackStart, quantity);
        return true;
    }

    /// <summary>
    /// Scans one row once. <paramref name="clean"/> is the start of the block nearest the row centre that
    /// leaves no single free seat beside it; <paramref name="any"/> the nearest ignoring orphans; -1 if none.
    /// </summary>
    private static void FindPlacements(ReadOnlySpan<byte> seats, int quantity, int freeInRow, out int clean, out int any)
    {
        clean = -1;
        any = -1;
        var cleanCost = int.MaxValue;
        var anyCost = int.MaxValue;
        var length = seats.Length;
        // Start index whose block is centred (rounded left); cost is twice the distance of block centre from row centre.
        var centred = (length - quantity) >> 1;
        var position = 0;
        var remaining = freeInRow;
        while (remaining >= quantity)
        {
            var offset = seats[position..].IndexOf((byte)SeatState.Free);
            if (offset < 0)
            {
                break;
            }

            var runStart = position + offset;
            var taken = seats[runStart..].IndexOfAnyExcept((byte)SeatState.Free);
            var runEnd = taken < 0 ? length : runStart + taken;
            var runLength = runEnd - runStart;
            remaining -= runLength;
            position = runEnd;
            if (runLength < quantity)
            {
                continue;
            }

            var lastStart = runEnd - quantity;
            Consider(Math.Clamp(centred, runStart, lastStart), ref any, ref anyCost);

            // Block flush with a run edge leaves the rest of the run on one side; an orphan only if exactly one is left.
            if (runLength - quantity != 1)
            {
                Consider(runStart, ref clean, ref cleanCost);
            }

            // Starting two or more in from both ends leaves at least two free seats on each side.
            if (runStart + 2 <= lastStart - 2)
            {
                Consider(Math.Clamp(centred, runStart + 2, lastStart - 2), ref clean, ref cleanCost);
            }

            if (runLength - quantity != 1)
            {
                Consider(lastStart, ref clean, ref cleanCost);
            }
        }

        void Consider(int start, ref int best, ref int bestCost)
        {
            // Candidates arrive left to right, so strict comparison breaks ties towards the left.
            var cost = Math.Abs((2 * start) + quantity - length);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = start;
            }
        }
    }

    private void TakeSplit(int quantity, int firstSection, int endSection, string? seatType, List<int> result)
    {
        var starts = _layout.RowStarts;
        var maxRuns = (_layout.MaxRowLength + 1) / 2;
        long[]? rented = null;
        var keys = maxRuns <= 256 ? stackalloc long[256] : (rented = ArrayPool<long>.Shared.Rent(maxRuns));
        try
        {
            var needed = quantity;
            for (var s = firstSection; s < endSection && needed > 0; s++)
            {
                if (!IsEligible(s, seatType))
                {
                    continue;
                }

                for (int row = _layout.SectionFirstRow(s), end = _layout.SectionEndRow(s); row < end && needed > 0; row++)
                {
                    if (_rowFree[row] == 0)
                    {
                        continue;
                    }

                    var rowStart = starts[row];
                    var seats = new ReadOnlySpan<byte>(_state, rowStart, starts[row + 1] - rowStart);
                    needed = TakeFromRow(seats, rowStart, _rowFree[row], needed, keys, result);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }

        result.Sort();
    }

    /// <summary>Takes whole free runs, largest first (ties: nearest the centre, then leftmost); returns seats still needed.</summary>
    private static int TakeFromRow(ReadOnlySpan<byte> seats, int rowStart, int freeInRow, int needed, Span<long> keys, List<int> result)
    {
        const int StartBits = 21;
        const int CostBits = 21;
        const long StartMask = (1L << StartBits) - 1;
        var length = seats.Length;
        var count = 0;
        var position = 0;
        var remaining = freeInRow;
        while (remaining > 0)
        {
            var offset = seats[position..].IndexOf((byte)SeatState.Free);
            if (offset < 0)
            {
                break;
            }

            var runStart = position + offset;
            var taken = seats[runStart..].IndexOfAnyExcept((byte)SeatState.Free);
            var runEnd = taken < 0 ? length : runStart + taken;
            var runLength = runEnd - runStart;
            remaining -= runLength;
            position = runEnd;
            // Packed so a plain ascending sort orders by length descending, then centre distance, then start.
            var centreCost = Math.Abs(runStart + runEnd - length);
            keys[count++] = ((long)(SeatLayout.MaxSeatsPerRow - runLength) << (StartBits + CostBits))
                | ((long)centreCost << StartBits)
                | (long)runStart;
        }

        var runs = keys[..count];
        runs.Sort();
        foreach (var key in runs)
        {
            var runStart = (int)(key & StartMask);
            var runLength = SeatLayout.MaxSeatsPerRow - (int)(key >> (StartBits + CostBits));
            if (runLength <= needed)
            {
                AddRange(result, rowStart + runStart, runLength);
                needed -= runLength;
            }
            else
            {
                var start = Math.Clamp((length - needed) >> 1, runStart, runStart + runLength - needed);
                AddRange(result, rowStart + start, needed);
                needed = 0;
            }

            if (needed == 0)
            {
                break;
            }
        }

        return needed;
    }

    private bool IsEligible(int section, string? seatType) =>
        seatType is null || _layout.SectionHasSeatType(section, seatType);

    private static void AddRange(List<int> result, int start, int count)
    {
        for (var seat = start; seat < start + count; seat++)
        {
            result.Add(seat);
        }
    }

    private static void CheckOwner(int owner)
    {
        // -1 is how OwnerOf reports a free seat, so tags must stay non-negative to be distinguishable.
        ArgumentOutOfRangeException.ThrowIfNegative(owner);
    }

    private InvalidOperationException BrokenInvariant(int seat, string action) =>
        new($"Cannot {action} seat {_layout.SeatId(seat)}: it is {(SeatState)_state[seat]}.");
}
