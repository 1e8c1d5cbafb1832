using Amazon.DynamoDBv2.Model;
using Orleans.Storage;
using Xunit;

namespace OrleansDynamoDb.Tests.Journal;

public sealed class DynamoDbJournalStorageTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task Appended_entries_read_back_in_order_over_several_pages()
    {
        var sut = await JournalUnderTest.StartAsync();
        sut.Journal.PageSize = 3;
        var grain = JournalUnderTest.NewGrainId();
        for (var seq = 1; seq <= 10; seq++) await sut.Journal.AppendAsync(grain, seq, JournalUnderTest.Bytes(20, seq), _none);

        var entries = await sut.ReadAllAsync(grain);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.All(entries, e => Assert.Equal(JournalUnderTest.Bytes(20, (int)e.Sequence), e.Payload));
    }

    [Fact]
    public async Task Reading_after_a_sequence_returns_only_later_entries_of_that_grain()
    {
        var sut = await JournalUnderTest.StartAsync();
        var grain = JournalUnderTest.NewGrainId();
        var other = JournalUnderTest.NewGrainId();
        for (var seq = 1; seq <= 5; seq++) await sut.Journal.AppendAsync(grain, seq, new byte[] { (byte)seq }, _none);
        await sut.Journal.AppendAsync(other, 1, new byte[] { 99 }, _none);

        var entries = await sut.ReadAllAsync(grain, afterSequence: 3);

        Assert.Equal([4L, 5L], entries.Select(e => e.Sequence));
        Assert.Empty(await sut.ReadAllAsync(JournalUnderTest.NewGrainId()));
    }

    [Fact]
    public async Task Appending_a_sequence_that_exists_is_rejected_and_keeps_the_first_entry()
    {
        var sut = await JournalUnderTest.StartAsync();
        var grain = JournalUnderTest.NewGrainId();
        await sut.Journal.AppendAsync(grain, 1, new byte[] { 1 }, _none);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => sut.Journal.AppendAsync(grain, 1, new byte[] { 2 }, _none));

        Assert.Contains(grain.ToString(), conflict.Message);
        Assert.Equal("1", conflict.StoredEtag);
        Assert.Equal("0", conflict.CurrentEtag);
        Assert.Equal([1], Assert.Single(await sut.ReadAllAsync(grain)).Payload);
    }

    [Fact]
    public async Task Concurrent_appends_of_the_same_sequence_exactly_one_wins()
    {
        var sut = await JournalUnderTest.StartAsync();
        var grain = JournalUnderTest.NewGrainId();
        await sut.Journal.AppendAsync(grain, 1, new byte[] { 0 }, _none);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(async writer =>
        {
            try
            {
                await sut.Journal.AppendAsync(grain, 2, new byte[] { (byte)writer }, _none);
                return writer;
            }
            catch (InconsistentStateException)
            {
                return 0;
            }
        }));

        var winner = Assert.Single(outcomes, w => w != 0);
        var entries = await sut.ReadAllAsync(grain);
        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        Assert.Equal([(byte)winner], entries[1].Payload);
    }

    [Fact]
    public async Task Entry_above_the_size_limit_is_rejected_before_writing()
    {
        var sut = await JournalUnderTest.StartAsync();
        var grain = JournalUnderTest.NewGrainId();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => sut.Journal.AppendAsync(grain, 1, new byte[sut.Journal.MaxEntryBytes + 1], _none));

        Assert.Contains(grain.ToString(), error.Message);
        Assert.Empty(await sut.ReadAllAsync(grain));
    }

    [Fact]
    public async Task Grain_without_snapshot_reads_none()
    {
        var sut = await JournalUnderTest.StartAsync();

        Assert.Null(await sut.Journal.ReadSnapshotAsync(JournalUnderTest.NewGrainId(), _none));
    }

    [Fact]
    public async Task Snapshot_larger_than_one_item_round_trips()
    {
        var sut = await JournalUnderTest.StartAsync();
        var grain = JournalUnderTest.NewGrainId();
        var data = JournalUnderTest.Bytes(1_000_000, seed: 7);

        await sut.Journal.WriteSnapshotAsync(grain, 12, data, _none);
        var snapshot = await sut.Journal.ReadSnapshotAsync(grain, _none);

        Assert.NotNull(snapshot);
        Assert.Equal(12, snapshot.Sequence);
        Assert.Equal(data, snapshot.Data);
        Assert.Equal(3, await ChunkCountAsync(sut, grain));
    }

    [Fact]
    public async Task Empty_snapshot_round_trips()
    {
        var sut = await JournalUnderTest.StartAsync();
        var grain = JournalUnderTest.NewGrainId();

        await sut.Journal.WriteSnapshotAsync(grain, 0, Array.Empty<byte>(), _none);

        var snapshot = await sut.Journal.ReadSnapshotAsync(grain, _none);
        Assert.Equal(0, snapshot?.Sequence);
        Assert.Empty(snapshot!.Data);
    }

    [Fact]
    public async Task Newer_snapshot_replaces_the_older_and_removes_its_chunks()
    {
        var sut = await JournalUnderTest.StartAsync();
        sut.Journal.SnapshotChunkBytes = 10;
        sut.Journal.PageSize = 2;
        var grain = JournalUnderTest.NewGrainId();
        await sut.Journal.WriteSnapshotAsync(grain, 3, JournalUnderTest.Bytes(95, 3), _none);

        await sut.Journal.WriteSnapshotAsync(grain, 8, JournalUnderTest.Bytes(41, 8), _none);

        var snapshot = await sut.Journal.ReadSnapshotAsync(grain, _none);
        Assert.Equal(8, snapshot?.Sequence);
        Assert.Equal(JournalUnderTest.Bytes(41, 8), snapshot?.Data);
        Assert.Equal(5, await ChunkCountAsync(sut, grain));
    }

    [Fact]
    public async Task Older_snapshot_never_replaces_a_newer_one()
    {
        var sut = await JournalUnderTest.StartAsync();
        sut.Journal.SnapshotChunkBytes = 10;
        var grain = JournalUnderTest.NewGrainId();
        await sut.Journal.WriteSnapshotAsync(grain, 8, JournalUnderTest.Bytes(30, 8), _none);

        await sut.Journal.WriteSnapshotAsync(grain, 3, JournalUnderTest.Bytes(50, 3), _none);

        var snapshot = await sut.Journal.ReadSnapshotAsync(grain, _none);
        Assert.Equal(8, snapshot?.Sequence);
        Assert.Equal(JournalUnderTest.Bytes(30, 8), snapshot?.Data);
        Assert.Equal(3, await ChunkCountAsync(sut, grain));
    }

    [Fact]
    public async Task Concurrent_snapshots_leave_the_newest_complete_and_no_stray_chunks()
    {
        var sut = await JournalUnderTest.StartAsync();
        sut.Journal.SnapshotChunkBytes = 10;
        var grain = JournalUnderTest.NewGrainId();

        await Task.WhenAll(Enumerable.Range(1, 6).Select(seq => sut.Journal.WriteSnapshotAsync(grain, seq, JournalUnderTest.Bytes(10 * seq, seq), _none)));

        var snapshot = await sut.Journal.ReadSnapshotAsync(grain, _none);
        Assert.Equal(6, snapshot?.Sequence);
        Assert.Equal(JournalUnderTest.Bytes(60, 6), snapshot?.Data);
        Assert.Equal(6, await ChunkCountAsync(sut, grain));
    }

    [Fact]
    public async Task Snapshot_missing_a_chunk_is_reported_with_its_grain_sequence_and_size()
    {
        var sut = await JournalUnderTest.StartAsync();
        sut.Journal.SnapshotChunkBytes = 10;
        var grain = JournalUnderTest.NewGrainId();
        await sut.Journal.WriteSnapshotAsync(grain, 4, JournalUnderTest.Bytes(25, 4), _none);
        await sut.Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = sut.Options.SnapshotsTable,
            Key = new() { ["id"] = new() { S = grain.ToString() }, ["sk"] = new() { N = ((4 * 4096) + 2).ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => sut.Journal.ReadSnapshotAsync(grain, _none));

        Assert.Contains($"Snapshot 4 of {grain}", error.Message);
        Assert.Contains("3 parts, 25 bytes", error.Message);
    }

    [Fact]
    public async Task Replay_after_a_snapshot_reads_only_the_entries_after_it()
    {
        var sut = await JournalUnderTest.StartAsync();
        var grain = JournalUnderTest.NewGrainId();
        for (var seq = 1; seq <= 7; seq++) await sut.Journal.AppendAsync(grain, seq, new byte[] { (byte)seq }, _none);
        await sut.Journal.WriteSnapshotAsync(grain, 5, "state at 5"u8.ToArray(), _none);

        var snapshot = await sut.Journal.ReadSnapshotAsync(grain, _none);
        var replay = await sut.ReadAllAsync(grain, snapshot!.Sequence);

        Assert.Equal("state at 5"u8.ToArray(), snapshot.Data);
        Assert.Equal([6L, 7L], replay.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Registration_creates_the_journal_and_snapshot_tables()
    {
        var sut = await JournalUnderTest.StartAsync();

        var journal = await sut.Client.DescribeTableAsync(sut.Options.JournalTable);
        var snapshots = await sut.Client.DescribeTableAsync(sut.Options.SnapshotsTable);

        Assert.Equal(["id", "seq"], journal.Table.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(["id", "sk"], snapshots.Table.KeySchema.Select(k => k.AttributeName));
    }

    private static async Task<int> ChunkCountAsync(JournalUnderTest sut, Orleans.Runtime.GrainId grain)
    {
        var response = await sut.Client.QueryAsync(new QueryRequest
        {
            TableName = sut.Options.SnapshotsTable,
            KeyConditionExpression = "id = :id AND sk > :manifest",
            ExpressionAttributeValues = new() { [":id"] = new() { S = grain.ToString() }, [":manifest"] = new() { N = "0" } },
            ConsistentRead = true,
            Select = Amazon.DynamoDBv2.Select.COUNT,
        });
        return response.Count ?? 0;
    }
}
