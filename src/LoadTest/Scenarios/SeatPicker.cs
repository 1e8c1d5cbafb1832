using LoadTest.Http;

namespace LoadTest.Scenarios;

/// <summary>
/// Picks explicit seats believed free, from the seat list fetched once at start. Shared by all buyers
/// of an event; the "believed taken" flags are updated with plain volatile byte writes (races only
/// cost a conflict, which the API reports). Adjacent list entries are neighbours in a row.
/// </summary>
internal sealed class SeatPicker
{
    private const int Attempts = 8;
    private readonly string[] _seatIds;
    private readonly Dictionary<string, int> _index;
    private readonly byte[] _taken;

    public SeatPicker(IEnumerable<SeatDto> seats)
    {
        var ids = new List<string>();
        var taken = new List<byte>();
        foreach (var seat in seats)
        {
            if (seat.Id is null) continue;
            ids.Add(seat.Id);
            taken.Add(string.Equals(seat.Status, "available", StringComparison.OrdinalIgnoreCase) ? (byte)0 : (byte)1);
        }

        _seatIds = [.. ids];
        _taken = [.. taken];
        _index = new Dictionary<string, int>(_seatIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < _seatIds.Length; i++) _index.TryAdd(_seatIds[i], i);
    }

    public int SeatCount => _seatIds.Length;

    /// <summary>Up to a few random tries for <paramref name="count"/> adjacent seats believed free; null when none found.</summary>
    public string[]? TryPick(Random random, int count)
    {
        if (count <= 0 || _seatIds.Length < count) return null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var start = random.Next(0, _seatIds.Length - count + 1);
            var free = true;
            for (var j = 0; j < count && free; j++)
            {
                free = Volatile.Read(ref _taken[start + j]) == 0;
            }

            if (!free) continue;
            var picked = new string[count];
            Array.Copy(_seatIds, start, picked, 0, count);
            for (var j = 0; j < count; j++) Volatile.Write(ref _taken[start + j], 1);
            return picked;
        }

        return null;
    }

    public void MarkTaken(IEnumerable<string>? seatIds) => Mark(seatIds, 1);

    public void MarkFree(IEnumerable<string>? seatIds) => Mark(seatIds, 0);

    private void Mark(IEnumerable<string>? seatIds, byte value)
    {
        if (seatIds is null) return;
        foreach (var id in seatIds)
        {
            if (_index.TryGetValue(id, out var i)) Volatile.Write(ref _taken[i], value);
        }
    }
}
