namespace Runtime;

/// <summary>Overrides the grain type name used in grain ids, storage keys and the wire format.</summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
