using Amazon.DynamoDBv2.Model;
using Orleans;
using Orleans.Storage;
using OrleansDynamoDb.Storage;
using Xunit;

namespace OrleansDynamoDb.Tests.Storage;

public sealed class DynamoDbGrainStorageTests
{
    private const string StateName = "state";

    [Fact]
    public async Task Reading_a_missing_record_gives_a_new_state_without_etag()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var state = GrainStorageUnderTest.NewState(new TestState { A = "left over" }, etag: "left over");
        state.RecordExists = true;

        await sut.Storage.ReadStateAsync(StateName, GrainStorageUnderTest.NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new TestState(), state.State);
    }

    [Fact]
    public async Task Written_state_reads_back_with_the_etag_of_the_write()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var written = GrainStorageUnderTest.NewState(new TestState { A = "Привет, мир", B = 42, C = long.MaxValue });

        await sut.Storage.WriteStateAsync(StateName, grain, written);
        var read = GrainStorageUnderTest.NewState();
        await sut.Storage.ReadStateAsync(StateName, grain, read);

        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [Fact]
    public async Task Every_write_issues_a_new_etag_even_for_the_same_state()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var state = GrainStorageUnderTest.NewState(new TestState { A = "same" });
        var etags = new List<string?>();

        for (var i = 0; i < 3; i++)
        {
            await sut.Storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(3, etags.Distinct().Count());
    }

    [Fact]
    public async Task Writing_with_a_stale_etag_is_rejected_with_the_stored_and_current_etags()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var state = GrainStorageUnderTest.NewState(new TestState { A = "first" });
        await sut.Storage.WriteStateAsync(StateName, grain, state);
        var staleETag = state.ETag;
        state.State = new TestState { A = "latest" };
        await sut.Storage.WriteStateAsync(StateName, grain, state);

        var stale = GrainStorageUnderTest.NewState(new TestState { A = "stale" }, staleETag);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => sut.Storage.WriteStateAsync(StateName, grain, stale));

        Assert.Equal(state.ETag, conflict.StoredEtag);
        Assert.Equal(staleETag, conflict.CurrentEtag);
        Assert.Equal(staleETag, stale.ETag);
        var read = GrainStorageUnderTest.NewState();
        await sut.Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("latest", read.State?.A);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task First_write_carrying_an_etag_is_rejected_when_no_record_exists()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => sut.Storage.WriteStateAsync(StateName, grain, GrainStorageUnderTest.NewState(new TestState { A = "x" }, etag: "made-up")));

        Assert.Null(conflict.StoredEtag);
        Assert.Equal("made-up", conflict.CurrentEtag);
        var read = GrainStorageUnderTest.NewState();
        await sut.Storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Write_without_etag_is_rejected_when_a_record_already_exists()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        await sut.Storage.WriteStateAsync(StateName, grain, GrainStorageUnderTest.NewState(new TestState { A = "first activation" }));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => sut.Storage.WriteStateAsync(StateName, grain, GrainStorageUnderTest.NewState(new TestState { A = "second activation" })));
    }

    [Fact]
    public async Task Two_writers_racing_from_the_same_etag_exactly_one_wins()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var original = GrainStorageUnderTest.NewState(new TestState { A = "original" });
        await sut.Storage.WriteStateAsync(StateName, grain, original);

        var writers = Enumerable.Range(0, 8)
            .Select(i => GrainStorageUnderTest.NewState(new TestState { A = $"writer {i}", B = i }, original.ETag))
            .ToList();
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await sut.Storage.WriteStateAsync(StateName, grain, w);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        var winner = Assert.Single(writers.Where((_, i) => outcomes[i]));
        var read = GrainStorageUnderTest.NewState();
        await sut.Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(winner.State, read.State);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_removes_the_record_and_resets_the_state()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var state = GrainStorageUnderTest.NewState(new TestState { A = "to clear", B = 7 });
        await sut.Storage.WriteStateAsync(StateName, grain, state);
        var writtenETag = state.ETag;

        await sut.Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.NotEqual(writtenETag, state.ETag);
        Assert.Equal(new TestState(), state.State);
        var read = GrainStorageUnderTest.NewState();
        await sut.Storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        var item = await sut.Client.GetItemAsync(new GetItemRequest
        {
            TableName = sut.Options.GrainsTable,
            Key = new() { ["id"] = new() { S = $"{StateName}|{grain}" } },
            ConsistentRead = true,
        });
        Assert.True(item.Item is null or { Count: 0 });
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_rejected_and_keeps_the_record()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var state = GrainStorageUnderTest.NewState(new TestState { A = "initial" });
        await sut.Storage.WriteStateAsync(StateName, grain, state);
        var staleETag = state.ETag;
        state.State = new TestState { A = "latest" };
        await sut.Storage.WriteStateAsync(StateName, grain, state);

        var stale = GrainStorageUnderTest.NewState(etag: staleETag);
        stale.RecordExists = true;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => sut.Storage.ClearStateAsync(StateName, grain, stale));

        Assert.Equal(state.ETag, conflict.StoredEtag);
        Assert.Equal(staleETag, conflict.CurrentEtag);
        var read = GrainStorageUnderTest.NewState();
        await sut.Storage.ReadStateAsync(StateName, grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal("latest", read.State?.A);
    }

    [Fact]
    public async Task Clearing_a_record_that_never_existed_succeeds_and_clearing_twice_too()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var state = GrainStorageUnderTest.NewState(new TestState { A = "never stored" });
        state.RecordExists = true;
        var grain = GrainStorageUnderTest.NewGrainId();

        await sut.Storage.ClearStateAsync(StateName, grain, state);
        await sut.Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal(new TestState(), state.State);
    }

    [Fact]
    public async Task Write_after_clear_creates_the_record_again()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var state = GrainStorageUnderTest.NewState(new TestState { A = "first", B = 1 });
        await sut.Storage.WriteStateAsync(StateName, grain, state);
        await sut.Storage.ClearStateAsync(StateName, grain, state);
        var clearedETag = state.ETag;

        state.State = new TestState { A = "second", B = 2 };
        await sut.Storage.WriteStateAsync(StateName, grain, state);

        Assert.True(state.RecordExists);
        Assert.NotEqual(clearedETag, state.ETag);
        var read = GrainStorageUnderTest.NewState();
        await sut.Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(new TestState { A = "second", B = 2 }, read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Etag_from_before_a_clear_cannot_overwrite_the_record_written_after_it()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var state = GrainStorageUnderTest.NewState(new TestState { A = "before clear" });
        await sut.Storage.WriteStateAsync(StateName, grain, state);
        var beforeClear = state.ETag;
        await sut.Storage.ClearStateAsync(StateName, grain, state);
        await sut.Storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => sut.Storage.WriteStateAsync(StateName, grain, GrainStorageUnderTest.NewState(new TestState { A = "stale" }, beforeClear)));
    }

    [Fact]
    public async Task State_names_of_one_grain_are_independent_records()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        await sut.Storage.WriteStateAsync("first", grain, GrainStorageUnderTest.NewState(new TestState { A = "first" }));
        await sut.Storage.WriteStateAsync("second", grain, GrainStorageUnderTest.NewState(new TestState { A = "second" }));

        var first = GrainStorageUnderTest.NewState();
        var second = GrainStorageUnderTest.NewState();
        await sut.Storage.ReadStateAsync("first", grain, first);
        await sut.Storage.ReadStateAsync("second", grain, second);

        Assert.Equal("first", first.State?.A);
        Assert.Equal("second", second.State?.A);
    }

    [Fact]
    public async Task State_too_large_for_one_item_is_rejected_naming_the_grain_and_its_size()
    {
        var sut = await GrainStorageUnderTest.StartAsync();
        var grain = GrainStorageUnderTest.NewGrainId();
        var state = GrainStorageUnderTest.NewState(new TestState { A = new string('x', 410 * 1024) });

        var tooLarge = await Assert.ThrowsAsync<GrainStateTooLargeException>(() => sut.Storage.WriteStateAsync(StateName, grain, state));

        Assert.Contains(grain.ToString(), tooLarge.Message);
        Assert.True(tooLarge.ItemBytes > 410 * 1024);
        Assert.Equal(400 * 1024, tooLarge.MaxItemBytes);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }
}
