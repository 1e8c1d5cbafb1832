using System.Reflection;

namespace Runtime.Invocation;

/// <summary>
/// A grain reference: implements the grain interface and turns each call into a message for the
/// router, so callers cannot tell a local grain from a remote one (Orleans: generated GrainReference).
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainId _grainId;
    private IGrainCallRouter? _router;

    internal void Bind(GrainId grainId, IGrainCallRouter router)
    {
        _grainId = grainId;
        _router = router;
    }

    public GrainId GrainId => _grainId;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return _router!.Invoke(_grainId, GrainMethodCache.Get(targetMethod), args ?? []);
    }
}
