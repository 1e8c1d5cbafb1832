using System.Reflection;

namespace Runtime.Activation;

/// <summary>Grain interfaces, their type names, and (on silos) their implementation classes.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, string> _names = [];
    private readonly Dictionary<string, GrainClass> _classes = new(StringComparer.Ordinal);

    /// <summary>The type name of a grain interface: [GrainType] or the name without "I" and "Grain", lower-cased.</summary>
    public static string TypeNameOf(Type grainInterface)
    {
        var attribute = grainInterface.GetCustomAttribute<GrainTypeAttribute>();
        if (attribute is not null) return attribute.Name;
        var name = grainInterface.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1])) name = name[1..];
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > 5) name = name[..^5];
        return name.ToLowerInvariant();
    }

    public string NameOf(Type grainInterface)
    {
        lock (_names)
        {
            if (!_names.TryGetValue(grainInterface, out var name))
            {
                name = TypeNameOf(grainInterface);
                _names[grainInterface] = name;
            }

            return name;
        }
    }

    /// <summary>Registers every concrete <see cref="Grain"/> in the assembly under each grain interface it implements.</summary>
    public void AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsAbstract || !typeof(Grain).IsAssignableFrom(type)) continue;
            foreach (var grainInterface in type.GetInterfaces())
            {
                if (grainInterface == typeof(IGrainWithStringKey) || !typeof(IGrainWithStringKey).IsAssignableFrom(grainInterface)) continue;
                Add(grainInterface, type);
            }
        }
    }

    public void Add(Type grainInterface, Type implementation)
    {
        var name = NameOf(grainInterface);
        if (_classes.TryGetValue(name, out var existing) && existing.ImplementationType != implementation)
        {
            throw new InvalidOperationException($"Grain type '{name}' is implemented by both {existing.ImplementationType} and {implementation}.");
        }

        _classes[name] = new GrainClass(name, grainInterface, implementation);
    }

    internal bool TryGetClass(string typeName, out GrainClass grainClass) => _classes.TryGetValue(typeName, out grainClass!);

    public bool HasImplementations => _classes.Count > 0;
}
