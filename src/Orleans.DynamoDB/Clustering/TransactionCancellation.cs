using Amazon.DynamoDBv2.Model;

namespace OrleansDynamoDb.Clustering;

internal static class TransactionCancellation
{
    /// <summary>
    /// True when a cancelled transaction lost an optimistic-concurrency race: a condition failed, or
    /// another transaction held one of its items. Neither wrote anything, so the caller re-reads and
    /// retries, as Orleans does on a false answer. Any other reason (throttling, validation) is an error.
    /// </summary>
    public static bool IsLostRace(TransactionCanceledException exception)
    {
        var codes = (exception.CancellationReasons ?? []).Select(reason => reason.Code ?? "None").ToList();
        if (codes.Count == 0) return exception.Message.Contains("ConditionalCheckFailed", StringComparison.Ordinal);
        return codes.Any(code => code is "ConditionalCheckFailed" or "TransactionConflict")
            && codes.All(code => code is "None" or "ConditionalCheckFailed" or "TransactionConflict");
    }

    public static string Reasons(TransactionCanceledException exception) =>
        string.Join(", ", (exception.CancellationReasons ?? []).Select(reason => reason.Code ?? "None"));
}
