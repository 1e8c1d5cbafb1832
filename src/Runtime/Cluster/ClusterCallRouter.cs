using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Invocation;

namespace Runtime.Cluster;

/// <summary>
/// Routes a call to the grain's owner in the current view: this silo's catalog, or another
/// silo over HTTP/2. While the cluster changes (a silo died, joined or is leaving) it refreshes
/// its view and retries within a time budget, so callers see a slower answer, not an error.
/// </summary>
internal sealed class ClusterCallRouter : IGrainCallRouter, IDisposable
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private readonly ClusterMembership _membership;
    private readonly LocalSilo? _self;
    private readonly GrainRuntime? _runtime;
    private readonly CallCodec _codec;
    private readonly ClusterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly HttpClient _http;

    public ClusterCallRouter(ClusterMembership membership, LocalSilo? self, GrainRuntime? runtime, CallCodec codec, IOptions<ClusterOptions> options, TimeProvider timeProvider, ILogger<ClusterCallRouter> logger)
    {
        _membership = membership;
        _self = self;
        _runtime = runtime;
        _codec = codec;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            KeepAlivePingDelay = TimeSpan.FromSeconds(5),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
        })
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
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
        using var request = new HttpRequestMessage(HttpMethod.Post, owner.Address + WireErrors.CallPath)
        {
            // A request message does not take the client's default version: h2c must be asked for here.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body) { Headers = { ContentType = s_json } },
        };
        request.Headers.Add(WireErrors.SecretHeader, _options.Secret);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        }
        catch (HttpRequestException e)
        {
            return $"silo {owner.SiloId} unreachable ({e.Message})";
        }
        catch (TaskCanceledException)
        {
            return $"silo {owner.SiloId} timed out";
        }

        using (response)
        {
            var content = await response.Content.ReadAsByteArrayAsync();
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    call.Complete(_codec.DecodeResult(method, content));
                }
                catch (Exception e)
                {
                    call.Fail(e);
                }

                return null;
            }

            var (kind, message) = CallCodec.DecodeError(content);
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
                    call.Fail(response.StatusCode == HttpStatusCode.Unauthorized
                        ? new UnauthorizedAccessException($"Silo {owner.SiloId} refused the cluster secret.")
                        : new GrainCallException(grainId, method.Name, $"HTTP {(int)response.StatusCode} from {owner.SiloId}: {message}"));
                    return null;
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
