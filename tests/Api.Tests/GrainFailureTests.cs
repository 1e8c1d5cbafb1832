using System.Text.Json;
using Api.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Api.Tests;

public sealed class GrainFailureTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task StorageConflictIsRetriedThreeTimesThenGivenUp()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InconsistentStateException>(() => GrainCall.Retry<int>(() =>
        {
            attempts++;
            throw new InconsistentStateException("test", "3", "4");
        }));

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task CallThatSucceedsOnRetryAnswers()
    {
        var attempts = 0;

        var answer = await GrainCall.Retry(() => ++attempts < 3 ? throw new InconsistentStateException("test", "1", "2") : Task.FromResult(42));

        Assert.Equal(42, answer);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task CallWhoseTaskFailsIsRetriedLikeOneThatThrows()
    {
        var attempts = 0;

        var answer = await GrainCall.Retry(() => ++attempts == 1 ? Task.FromException<int>(new InconsistentStateException("test", "1", "2")) : Task.FromResult(7));

        Assert.Equal(7, answer);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task OverloadIsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<LimitExceededException>(() => GrainCall.Retry<int>(() =>
        {
            attempts++;
            throw new LimitExceededException("10 calls queued, limit 10");
        }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task UnexpectedFailureIsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => GrainCall.Retry<int>(() =>
        {
            attempts++;
            throw new InvalidOperationException("bug");
        }));

        Assert.Equal(1, attempts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OverloadAndExhaustedRetriesAre503WithRetryAfter(bool overloaded)
    {
        Exception failure = overloaded ? new LimitExceededException("10 calls queued, limit 10") : new InconsistentStateException("test", "1", "2");
        var context = new DefaultHttpContext { RequestServices = factory.Services };
        context.Response.Body = new MemoryStream();

        var handled = false;
        foreach (var handler in factory.Services.GetServices<IExceptionHandler>())
        {
            if (handled = await handler.TryHandleAsync(context, failure, CancellationToken.None)) break;
        }

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }
}
