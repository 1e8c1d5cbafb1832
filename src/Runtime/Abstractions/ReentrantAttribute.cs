namespace Runtime;

/// <summary>
/// Lets calls interleave at await points (never in parallel: an activation still runs one piece
/// of code at a time). A grain uses it to make decisions synchronously and then await durability
/// together with other callers (group commit).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
