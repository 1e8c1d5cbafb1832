using System.Collections.ObjectModel;
using System.Globalization;

namespace Grains.Events.Seating;

/// <summary>
/// Immutable seat map. Every seat has a dense index 0..<see cref="SeatCount"/>-1, ordered section by
/// section and row by row (row 0 of a section is nearest the stage), so global row order is also the
/// quality order used by best-available.
/// </summary>
/// <remarks>
/// Large events keep one layout in memory per event grain, so nothing here is per seat: rows are
/// described by start offsets and seat ids are formatted or parsed on demand.
/// </remarks>
public sealed class SeatLayout
{
    public const int MaxSeatsPerRow = 10_000;
    public const int MaxSeats = 200_000;

    private readonly ReadOnlyCollection<SeatSectionLayout> _sections;
    private readonly string[] _sectionSeatTypes;
    private readonly string[] _sectionNames;
    // One more entry than sections/rows so a range end is always the next start.
    private readonly int[] _sectionFirstRow;
    private readonly int[] _rowStart;
    private readonly int[] _rowSection;
    private readonly string[] _rowNames;
    private readonly Dictionary<string, int> _sectionByName;
    // Per section so a parse needs only two small lookups, never a table of every seat id.
    private readonly Dictionary<string, int>[] _rowByName;

    private SeatLayout(
        ReadOnlyCollection<SeatSectionLayout> sections,
        int[] sectionFirstRow,
        int[] rowStart,
        int[] rowSection,
        string[] rowNames,
        Dictionary<string, int> sectionByName,
        Dictionary<string, int>[] rowByName,
        int maxRowLength)
    {
        _sections = sections;
        _sectionFirstRow = sectionFirstRow;
        _rowStart = rowStart;
        _rowSection = rowSection;
        _rowNames = rowNames;
        _sectionByName = sectionByName;
        _rowByName = rowByName;
        _sectionNames = new string[sections.Count];
        _sectionSeatTypes = new string[sections.Count];
        for (var i = 0; i < sections.Count; i++)
        {
            _sectionNames[i] = sections[i].Name;
            _sectionSeatTypes[i] = sections[i].SeatType;
        }

        MaxRowLength = maxRowLength;
    }

    public int SeatCount => _rowStart[^1];

    public IReadOnlyList<SeatSectionLayout> Sections => _sections;

    public int RowCount => _rowSection.Length;

    internal int SectionCount => _sectionNames.Length;

    internal int MaxRowLength { get; }

    // Row start offsets with a trailing total, for the inventory's hot loops.
    internal ReadOnlySpan<int> RowStarts => _rowStart;

    public static SeatLayout Create(IReadOnlyList<SeatSectionLayout> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (sections.Count == 0)
        {
            throw new ArgumentException("A seat layout needs at least one section.", nameof(sections));
        }

        // Copy the input: the caller's lists could change after validation.
        var sectionCopies = new SeatSectionLayout[sections.Count];
        var sectionByName = new Dictionary<string, int>(sections.Count, StringComparer.Ordinal);
        var rowByName = new Dictionary<string, int>[sections.Count];
        var sectionFirstRow = new int[sections.Count + 1];
        var rowCount = 0;
        var seatCount = 0;
        var maxRowLength = 0;

        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s]
                ?? throw new ArgumentException($"Section {s} is null.", nameof(sections));
            ValidateName(section.Name, $"Section {s} name", nameof(sections));
            if (string.IsNullOrWhiteSpace(section.SeatType))
            {
                throw new ArgumentException($"Seat type of section '{section.Name}' must be non-empty.", nameof(sections));
            }

            if (!sectionByName.TryAdd(section.Name, s))
            {
                throw new ArgumentException($"Duplicate section name '{section.Name}'.", nameof(sections));
            }

            var rows = section.Rows;
            if (rows is null || rows.Count == 0)
            {
                throw new ArgumentException($"Section '{section.Name}' has no rows.", nameof(sections));
            }

            var rowCopies = new SeatRowLayout[rows.Count];
            var rowNames = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
            sectionFirstRow[s] = rowCount;
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r]
                    ?? throw new ArgumentException($"Row {r} of section '{section.Name}' is null.", nameof(sections));
                ValidateName(row.Name, $"Row {r} name in section '{section.Name}'", nameof(sections));
                if (!rowNames.TryAdd(row.Name, rowCount + r))
                {
                    throw new ArgumentException(
                        $"Duplicate row name '{row.Name}' in section '{section.Name}'.", nameof(sections));
                }

                if (row.SeatCount < 1 || row.SeatCount > MaxSeatsPerRow)
                {
                    throw new ArgumentException(
                        $"Row '{row.Name}' in section '{section.Name}' has {row.SeatCount} seats; a row needs 1..{MaxSeatsPerRow}.",
                        nameof(sections));
                }

                seatCount += row.SeatCount;
                if (seatCount > MaxSeats)
                {
                    throw new ArgumentException($"A seat layout may have at most {MaxSeats} seats.", nameof(sections));
                }

                maxRowLength = Math.Max(maxRowLength, row.SeatCount);
                rowCopies[r] = row;
            }

            rowCount += rows.Count;
            rowByName[s] = rowNames;
            sectionCopies[s] = section with { Rows = Array.AsReadOnly(rowCopies) };
        }

        sectionFirstRow[^1] = rowCount;

        var rowStart = new int[rowCount + 1];
        var rowSection = new int[rowCount];
        var rowNamesByIndex = new string[rowCount];
        var next = 0;
        var globalRow = 0;
        for (var s = 0; s < sectionCopies.Length; s++)
        {
            foreach (var row in sectionCopies[s].Rows)
            {
                rowStart[globalRow] = next;
                rowSection[globalRow] = s;
                rowNamesByIndex[globalRow] = row.Name;
                next += row.SeatCount;
                globalRow++;
            }
        }

        rowStart[^1] = next;

        return new SeatLayout(
            Array.AsReadOnly(sectionCopies),
            sectionFirstRow,
            rowStart,
            rowSection,
            rowNamesByIndex,
            sectionByName,
            rowByName,
            maxRowLength);
    }

    public int RowStart(int row)
    {
        CheckRow(row);
        return _rowStart[row];
    }

    public int RowLength(int row)
    {
        CheckRow(row);
        return _rowStart[row + 1] - _rowStart[row];
    }

    public int SectionOfRow(int row)
    {
        CheckRow(row);
        return _rowSection[row];
    }

    public int RowOfSeat(int seat)
    {
        CheckSeat(seat);
        return RowOfSeatUnchecked(seat);
    }

    public string SeatId(int seat)
    {
        CheckSeat(seat);
        var row = RowOfSeatUnchecked(seat);
        var number = seat - _rowStart[row] + 1;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{_sectionNames[_rowSection[row]]}:{_rowNames[row]}:{number}");
    }

    /// <summary>Parses "{section}:{row}:{number}"; only the canonical form produced by <see cref="SeatId"/> is accepted.</summary>
    public bool TryParseSeatId(string? seatId, out int seat)
    {
        seat = -1;
        if (seatId is null)
        {
            return false;
        }

        ReadOnlySpan<char> text = seatId;
        var firstColon = text.IndexOf(':');
        if (firstColon <= 0)
        {
            return false;
        }

        var afterSection = text[(firstColon + 1)..];
        var secondColon = afterSection.IndexOf(':');
        if (secondColon <= 0)
        {
            return false;
        }

        var numberText = afterSection[(secondColon + 1)..];
        // Leading zeros would give one seat several ids, which breaks de-duplication by id upstream.
        if (numberText.IsEmpty || numberText[0] == '0'
            || !int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (!_sectionByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text[..firstColon], out var section)
            || !_rowByName[section].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(afterSection[..secondColon], out var row))
        {
            return false;
        }

        var length = _rowStart[row + 1] - _rowStart[row];
        if (number > length)
        {
            return false;
        }

        seat = _rowStart[row] + number - 1;
        return true;
    }

    public (string Section, string Row, int Number, string SeatType) Describe(int seat)
    {
        CheckSeat(seat);
        var row = RowOfSeatUnchecked(seat);
        var section = _rowSection[row];
        return (_sectionNames[section], _rowNames[row], seat - _rowStart[row] + 1, _sectionSeatTypes[section]);
    }

    public int? FindSection(string name)
    {
        if (name is null)
        {
            return null;
        }

        return _sectionByName.TryGetValue(name, out var section) ? section : null;
    }

    public bool HasSeatType(string seatType)
    {
        if (seatType is null)
        {
            return false;
        }

        foreach (var type in _sectionSeatTypes)
        {
            if (string.Equals(type, seatType, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal int SectionFirstRow(int section) => _sectionFirstRow[section];

    internal int SectionEndRow(int section) => _sectionFirstRow[section + 1];

    internal bool SectionHasSeatType(int section, string seatType) =>
        string.Equals(_sectionSeatTypes[section], seatType, StringComparison.Ordinal);

    internal int SectionOfRowUnchecked(int row) => _rowSection[row];

    internal int RowOfSeatUnchecked(int seat)
    {
        var index = Array.BinarySearch(_rowStart, 0, _rowSection.Length, seat);
        // Starts are strictly increasing, so a miss lands just after the row containing the seat.
        return index >= 0 ? index : ~index - 1;
    }

    internal void CheckSeat(int seat)
    {
        if ((uint)seat >= (uint)SeatCount)
        {
            throw new ArgumentOutOfRangeException(nameof(seat), seat, $"Seat index must be in 0..{SeatCount - 1}.");
        }
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)_rowSection.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row index must be in 0..{_rowSection.Length - 1}.");
        }
    }

    private static void ValidateName(string? name, string what, string paramName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"{what} must be non-empty.", paramName);
        }

        // ':' separates the parts of a seat id, so it would make ids ambiguous.
        if (name.Contains(':'))
        {
            throw new ArgumentException($"{what} '{name}' must not contain ':'.", paramName);
        }
    }
}
