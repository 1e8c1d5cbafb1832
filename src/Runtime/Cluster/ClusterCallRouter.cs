using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Cluster.Messaging;
using Runtime.Invocation;

namespace Runtime.Cluster;

/// <summary>
/// Routes a call to the grain's owner in the current view: this silo's catalog, or another
/// silo over its TCP connection (<see cref="SiloLink"/>). While the cluster changes (a silo died, joined or is leaving) it refreshes
/// its view and retries within a time budget, so callers see a slower answer, not an error.
/// </summary>
internal sealed class ClusterCallRouter : IGrainCallRouter, IDisposable
{
    private readonly ClusterMembership _membership;
    private readonly LocalSilo? _self;
    private readonly GrainRuntime? _runtime;
    private readonly CallCodec _codec;
    private readonly ClusterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SiloLink> _links = new();

    public ClusterCallRouter(ClusterMembership membership, LocalSilo? self, GrainRuntime? runtime, CallCodec codec, IOptions<ClusterOptions> options, TimeProvider timeProvider, ILogger<ClusterCallRouter> logger)
    {
        _membership = membership;
        _self = self;
        _runtime = runtime;
        _codec = codec;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _membership.ViewChanged += ForgetDepartedSilos;
    }

    public Task Invoke(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var call = method.CreateCall(arguments);
        var owner = _membership.View.OwnerOf(grainId);
        if (owner is not null && _self is not null && owner.SiloId == _self.SiloId && !_self.Leaving)
        {
            DispatchLocally(grainId, call);
        }
        else
        {
            _ = InvokeRemoteOrFailAsync(grainId, method, arguments, call);
        }

        return call.ResultTask;
    }

    // Whatever goes wrong, the caller's task must end: an escaped exception would leave it waiting forever.
    private async Task InvokeRemoteOrFailAsync(GrainId grainId, GrainMethod method, object?[] arguments, GrainCall call)
    {
        try
        {
            await InvokeRemoteAsync(grainId, method, arguments, call);
        }
        catch (Exception e)
        {
            call.Fail(e);
        }
    }

    private void DispatchLocally(GrainId grainId, GrainCall call)
    {
        try
        {
            _runtime!.Catalog.Dispatch(grainId, call);
        }
        catch (Exception e)
        {
            call.Fail(e);
        }
    }

    private async Task InvokeRemoteAsync(GrainId grainId, GrainMethod method, object?[] arguments, GrainCall call)
    {
        var deadline = _timeProvider.GetUtcNow() + _options.CallRetryBudget;
        byte[]? body = null;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var view = _membership.View;
            var owner = view.OwnerOf(grainId);
            string? problem;
            if (owner is null)
            {
                problem = "no active silo";
            }
            else if (_self is not null && owner.SiloId == _self.SiloId && !_self.Leaving)
            {
                DispatchLocally(grainId, call);
                return;
            }
            else
            {
                body ??= _codec.EncodeRequest(grainId, method, arguments);
                problem = await SendAsync(owner, grainId, method, body, call);
                if (problem is null) return;
            }

            if (_timeProvider.GetUtcNow() > deadline)
            {
                call.Fail(new RetriableGrainException($"No silo could take {method.Name} on {grainId} within {_options.CallRetryBudget}: {problem}."));
                return;
            }

            _logger.LogDebug("Call {Method} on {Grain}: {Problem}; refreshing the cluster view", method.Name, grainId, problem);
            await Task.Delay(delay, _timeProvider);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
            try
            {
                await _membership.RefreshAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                _logger.LogDebug(e, "Membership refresh failed");
            }
        }
    }

    /// <summary>Returns null when the call was answered (successfully or with a final error), else why to retry.</summary>
    private async Task<string?> SendAsync(SiloRecord owner, GrainId grainId, GrainMethod method, byte[] body, GrainCall call)
    {
        SiloLink.Answer answer;
        try
        {
            answer = await _links.GetOrAdd(owner.Address, address => new SiloLink(address, _options.Secret!, _timeProvider)).CallAsync(body);
        }
        catch (SiloUnreachableException e)
        {
            return $"silo {owner.SiloId} unreachable ({e.Message})";
        }

        if (answer.Kind == FrameKind.Result)
        {
            try
            {
                call.Complete(_codec.DecodeResult(method, answer.Payload));
            }
            catch (Exception e)
            {
                call.Fail(e);
            }

            return null;
        }

        var (kind, message) = CallCodec.DecodeError(answer.Payload);
        switch (kind)
        {
            case WireErrors.WrongSilo:
                return $"silo {owner.SiloId} does not own it ({message})";
            case WireErrors.Overloaded:
                call.Fail(new OverloadedException(grainId, -1, -1));
                return null;
            case WireErrors.Retriable:
                call.Fail(new RetriableGrainException(message));
                return null;
            default:
                call.Fail(new GrainCallException(grainId, method.Name, $"failed on {owner.SiloId}: {message}"));
                return null;
        }
    }

    // Silos come and go under scaling (new tasks, new addresses): a link to one that is gone would
    // keep its socket and keep-alive timer forever.
    private void ForgetDepartedSilos(ClusterView view)
    {
        var present = view.All.Where(s => s.Status != SiloStatus.Dead).Select(s => s.Address).ToHashSet(StringComparer.Ordinal);
        foreach (var address in _links.Keys)
        {
            if (!present.Contains(address) && _links.TryRemove(address, out var link)) link.Dispose();
        }
    }

    public void Dispose()
    {
        _membership.ViewChanged -= ForgetDepartedSilos;
        foreach (var link in _links.Values) link.Dispose();
    }
}
