using Orleans;
using Orleans.Runtime;
using Xunit;

namespace OrleansDynamoDb.Tests.Reminders;

public sealed class DynamoDbReminderTableTests
{
    [Fact]
    public async Task Upserted_row_reads_back_exactly_with_its_etag()
    {
        var table = await ReminderTableUnderTest.StartAsync();
        var entry = ReminderTableUnderTest.Entry(ReminderTableUnderTest.NewGrainId(), "wake-up", periodSeconds: 90);

        var etag = await table.UpsertRow(entry);
        var read = await table.ReadRow(entry.GrainId, "wake-up");

        Assert.NotNull(etag);
        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal("wake-up", read.ReminderName);
        Assert.Equal(entry.StartAt, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), read.Period);
    }

    [Fact]
    public async Task Reading_a_missing_row_gives_null()
    {
        var table = await ReminderTableUnderTest.StartAsync();

        Assert.Null(await table.ReadRow(ReminderTableUnderTest.NewGrainId(), "nothing"));
        Assert.Empty((await table.ReadRows(ReminderTableUnderTest.NewGrainId())).Reminders);
    }

    [Fact]
    public async Task Every_upsert_returns_a_new_etag_and_the_row_keeps_the_latest()
    {
        var table = await ReminderTableUnderTest.StartAsync();
        var entry = ReminderTableUnderTest.Entry(ReminderTableUnderTest.NewGrainId(), "r");

        var etags = new List<string?>();
        for (var i = 0; i < 5; i++) etags.Add(await table.UpsertRow(entry));

        Assert.Equal(5, etags.Distinct().Count());
        Assert.Equal(etags[^1], (await table.ReadRow(entry.GrainId, "r"))?.ETag);
    }

    [Fact]
    public async Task Parallel_upserts_of_one_row_all_get_distinct_etags_and_one_of_them_is_stored()
    {
        var table = await ReminderTableUnderTest.StartAsync();
        var grain = ReminderTableUnderTest.NewGrainId();

        var etags = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"))));

        Assert.Equal(5, etags.Distinct().Count());
        Assert.Contains((await table.ReadRow(grain, "r"))?.ETag, etags);
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_fails_and_with_the_current_one_succeeds_once()
    {
        var table = await ReminderTableUnderTest.StartAsync();
        var entry = ReminderTableUnderTest.Entry(ReminderTableUnderTest.NewGrainId(), "r");
        var stale = await table.UpsertRow(entry);
        var current = await table.UpsertRow(entry);

        Assert.False(await table.RemoveRow(entry.GrainId, "r", stale!));
        Assert.False(await table.RemoveRow(entry.GrainId, "other-name", current!));
        Assert.NotNull(await table.ReadRow(entry.GrainId, "r"));
        Assert.True(await table.RemoveRow(entry.GrainId, "r", current!));
        Assert.Null(await table.ReadRow(entry.GrainId, "r"));
        Assert.False(await table.RemoveRow(entry.GrainId, "r", current!));
    }

    [Fact]
    public async Task Rows_of_a_grain_are_only_that_grains_reminders()
    {
        var table = await ReminderTableUnderTest.StartAsync();
        var mine = ReminderTableUnderTest.NewGrainId();
        var other = ReminderTableUnderTest.NewGrainId();
        foreach (var name in new[] { "a", "b", "c" }) await table.UpsertRow(ReminderTableUnderTest.Entry(mine, name));
        await table.UpsertRow(ReminderTableUnderTest.Entry(other, "a"));

        var rows = (await table.ReadRows(mine)).Reminders;

        Assert.Equal(["a", "b", "c"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(mine, r.GrainId));
    }

    [Fact]
    public async Task Range_read_excludes_begin_includes_end_and_wraps_when_begin_is_not_below_end()
    {
        var table = await ReminderTableUnderTest.StartAsync();
        var grains = Enumerable.Range(0, 40).Select(_ => ReminderTableUnderTest.NewGrainId()).ToList();
        foreach (var grain in grains) await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var (low, mid, high) = (hashes[5], hashes[20], hashes[35]);

        (uint Begin, uint End)[] ranges =
        [
            (low, high),                // plain range: low excluded, high included
            (low - 1, low),             // exactly one hash, as the end
            (low, low + 1),             // begins on a hash: excluded
            (high, low),                // wrapped past uint.MaxValue
            (mid, mid),                 // begin == end: the whole ring
            (0, uint.MaxValue),         // everything but hash 0
            (uint.MaxValue, mid),       // wrapped from the very top
            (0x0FFF_FFFF, 0x1000_0000), // across one bucket boundary
            (0, 0x7FFF_FFFF),
            (0x7FFF_FFFF, uint.MaxValue),
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => ReminderTableUnderTest.InRange(g.GetUniformHashCode(), begin, end)).Order().ToList();
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"Range ({begin}, {end}]: expected {expected.Count} grains, got {actual.Count}.");
        }

        Assert.Single((await table.ReadRows(low - 1, low)).Reminders);
        Assert.Equal(grains.Count, (await table.ReadRows(mid, mid)).Reminders.Count);
    }

    [Fact]
    public async Task Many_rows_are_read_over_several_pages()
    {
        var table = await ReminderTableUnderTest.StartAsync();
        table.PageSize = 4;
        var busy = ReminderTableUnderTest.NewGrainId();
        for (var i = 0; i < 30; i++) await table.UpsertRow(ReminderTableUnderTest.Entry(busy, $"r{i:D2}"));
        var others = Enumerable.Range(0, 30).Select(_ => ReminderTableUnderTest.NewGrainId()).ToList();
        foreach (var grain in others) await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));

        var ofBusy = (await table.ReadRows(busy)).Reminders;
        var all = (await table.ReadRows(0, 0)).Reminders;

        Assert.Equal(30, ofBusy.Select(r => r.ReminderName).Distinct().Count());
        Assert.Equal(60, all.Select(r => (r.GrainId, r.ReminderName)).Distinct().Count());
    }

    [Fact]
    public async Task Clearing_the_table_removes_every_row()
    {
        var table = await ReminderTableUnderTest.StartAsync();
        for (var i = 0; i < 10; i++) await table.UpsertRow(ReminderTableUnderTest.Entry(ReminderTableUnderTest.NewGrainId(), "r"));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }
}
