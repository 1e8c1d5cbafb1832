using System.Collections.Concurrent;
using System.Reflection;

namespace Runtime.Invocation;

internal static class GrainMethodCache
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethod> s_methods = new();
    private static readonly ConcurrentDictionary<(Type, string), GrainMethod> s_byName = new();

    public static GrainMethod Get(MethodInfo method) => s_methods.GetOrAdd(method, GrainMethod.For);

    /// <summary>Finds a method by "Interface.Method" name, as it travels on the wire.</summary>
    public static GrainMethod Get(Type grainInterface, string name) =>
        s_byName.GetOrAdd((grainInterface, name), key =>
        {
            var method = AllMethods(key.Item1).SingleOrDefault(m => m.DeclaringType!.Name + "." + m.Name == key.Item2)
                ?? throw new MissingMethodException(key.Item1.Name, key.Item2);
            return Get(method);
        });

    private static IEnumerable<MethodInfo> AllMethods(Type grainInterface) =>
        grainInterface.GetMethods().Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods()));
}
