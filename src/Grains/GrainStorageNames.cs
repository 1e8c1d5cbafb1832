namespace Grains;

/// <summary>Names of the grain storage providers the grains' [PersistentState] attributes use.</summary>
public static class GrainStorageNames
{
    /// <summary>The DynamoDB grain storage of every small grain (venues, slugs, users, campaigns).</summary>
    public const string Grains = "grains";
}
