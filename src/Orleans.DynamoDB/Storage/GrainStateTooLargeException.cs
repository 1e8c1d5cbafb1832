using Orleans.Runtime;

namespace OrleansDynamoDb.Storage;

/// <summary>
/// A grain state whose item would exceed DynamoDB's 400 KB item limit. Thrown before the write, so
/// the stored state and its etag are unchanged; the grain must shrink its state (or move to the journal).
/// </summary>
public sealed class GrainStateTooLargeException(string stateName, GrainId grainId, int itemBytes, int maxItemBytes)
    : Exception($"Grain state '{stateName}' of {grainId} needs a {itemBytes}-byte DynamoDB item; the limit is {maxItemBytes} bytes.")
{
    public string StateName { get; } = stateName;

    public string GrainIdText { get; } = grainId.ToString();

    public int ItemBytes { get; } = itemBytes;

    public int MaxItemBytes { get; } = maxItemBytes;
}
