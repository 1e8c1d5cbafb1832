using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>
/// How to build a grain class: constructor parameters of type IPersistentState&lt;T&gt; get a state
/// bound to the grain's id; everything else comes from dependency injection.
/// </summary>
internal sealed class GrainClass
{
    private readonly ObjectFactory _factory;
    private readonly Type[] _stateTypes;

    public GrainClass(string typeName, Type interfaceType, Type implementationType)
    {
        TypeName = typeName;
        InterfaceType = interfaceType;
        ImplementationType = implementationType;
        IsReentrant = implementationType.GetCustomAttribute<ReentrantAttribute>() is not null;
        var constructor = implementationType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        _stateTypes = constructor.GetParameters()
            .Select(p => p.ParameterType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IPersistentState<>))
            .ToArray();
        _factory = ActivatorUtilities.CreateFactory(implementationType, _stateTypes);
    }

    public string TypeName { get; }

    public Type InterfaceType { get; }

    public Type ImplementationType { get; }

    public bool IsReentrant { get; }

    public Grain CreateInstance(IServiceProvider services, GrainId grainId, out object[] states)
    {
        states = new object[_stateTypes.Length];
        for (var i = 0; i < states.Length; i++)
        {
            var stateType = typeof(PersistentState<>).MakeGenericType(_stateTypes[i].GetGenericArguments()[0]);
            states[i] = ActivatorUtilities.CreateInstance(services, stateType, grainId);
        }

        return (Grain)_factory(services, states);
    }
}
