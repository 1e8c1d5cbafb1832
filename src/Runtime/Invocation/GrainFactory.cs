using System.Reflection;
using Runtime.Activation;

namespace Runtime.Invocation;

internal sealed class GrainFactory(GrainTypeRegistry registry, Lazy<IGrainCallRouter> router) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var proxy = DispatchProxy.Create<TGrain, GrainProxy>();
        ((GrainProxy)(object)proxy!).Bind(new GrainId(registry.NameOf(typeof(TGrain)), key), router.Value);
        return proxy;
    }
}
