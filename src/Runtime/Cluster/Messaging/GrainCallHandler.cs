using System.Buffers;
using System.Text.Json;
using Runtime.Activation;
using Runtime.Invocation;

namespace Runtime.Cluster.Messaging;

/// <summary>The silo side of a call from another process: checks ownership, runs the call here, encodes the answer.</summary>
internal sealed class GrainCallHandler(CallCodec codec, GrainRuntime runtime, GrainTypeRegistry registry, ClusterMembership membership, LocalSilo self)
{
    /// <summary>Reads the request before returning (its buffer is reused afterwards); the task gives the answer frame.</summary>
    public Task<SiloLink.Answer> HandleAsync(ReadOnlySequence<byte> request)
    {
        GrainId grainId;
        GrainMethod method;
        object?[] arguments;
        try
        {
            using var document = JsonDocument.Parse(request);
            (grainId, var methodName, var encodedArguments) = codec.DecodeRequestHeader(document);
            if (self.Leaving || membership.View.OwnerOf(grainId)?.SiloId != self.SiloId)
            {
                return Task.FromResult(Error(WireErrors.WrongSilo, $"{self.SiloId} is not the owner of {grainId}"));
            }

            if (!registry.TryGetClass(grainId.Type, out var grainClass))
            {
                return Task.FromResult(Error(WireErrors.Failed, $"unknown grain type '{grainId.Type}'"));
            }

            method = GrainMethodCache.Get(grainClass.InterfaceType, methodName);
            arguments = codec.DecodeArguments(method, encodedArguments);
        }
        catch (Exception e)
        {
            return Task.FromResult(Error(WireErrors.Failed, $"unreadable call: {e.Message}"));
        }

        return RunAsync(grainId, method, arguments);
    }

    private async Task<SiloLink.Answer> RunAsync(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var call = method.CreateCall(arguments);
        try
        {
            runtime.Catalog.Dispatch(grainId, call);
            await call.ResultTask.ConfigureAwait(false);
            return new SiloLink.Answer(FrameKind.Result, codec.EncodeResult(method, call.BoxedResult));
        }
        catch (OverloadedException e)
        {
            return Error(WireErrors.Overloaded, e.Message);
        }
        catch (RetriableGrainException e)
        {
            return Error(WireErrors.Retriable, e.Message);
        }
        catch (Exception e)
        {
            return Error(WireErrors.Failed, e.Message);
        }
    }

    public static SiloLink.Answer Error(string kind, string message) => new(FrameKind.Error, CallCodec.EncodeError(kind, message));
}
