using System.Diagnostics;
using Runtime.Activation;
using Runtime.Diagnostics;

namespace Runtime.Invocation;

/// <summary>A call of a grain method, waiting in an activation's queue; its task is the caller's answer.</summary>
internal abstract class GrainCall : WorkItem
{
    public abstract Task ResultTask { get; }

    /// <summary>The result as an object (null for Task methods), once <see cref="ResultTask"/> succeeded.</summary>
    public abstract object? BoxedResult { get; }

    /// <summary>Completes the call with a result that arrived from another silo.</summary>
    public abstract void Complete(object? result);
}

internal sealed class GrainCall<T>(GrainMethod method, object?[] arguments) : GrainCall
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task ResultTask => _completion.Task;

    public Task<T> Task => _completion.Task;

    public override object? BoxedResult => method.ResultType is null ? null : _completion.Task.Result;

    public override async Task RunAsync(GrainActivation activation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var task = method.InvokeOn(activation.Instance, arguments);
            await task;
            _completion.TrySetResult(task is Task<T> typed ? typed.Result : default!);
        }
        catch (Exception e)
        {
            activation.OnCallFailed(e);
            _completion.TrySetException(e);
        }
        finally
        {
            RuntimeMetrics.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Complete(object? result) => _completion.TrySetResult((T)result!);
}
