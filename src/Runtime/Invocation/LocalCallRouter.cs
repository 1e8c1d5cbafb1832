using Runtime.Activation;

namespace Runtime.Invocation;

/// <summary>Routes every call to this silo's catalog (one-process mode and single silos).</summary>
internal sealed class LocalCallRouter(GrainRuntime runtime) : IGrainCallRouter
{
    public Task Invoke(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var call = method.CreateCall(arguments);
        try
        {
            runtime.Catalog.Dispatch(grainId, call);
        }
        catch (Exception e)
        {
            call.Fail(e);
        }

        return call.ResultTask;
    }
}
