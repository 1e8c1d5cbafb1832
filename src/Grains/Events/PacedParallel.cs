namespace Grains.Events;

/// <summary>
/// Runs work items with a concurrency limit that is read again before each start, so a caller
/// can narrow it while something more important needs the same resources and widen it after.
/// </summary>
internal static class PacedParallel
{
    /// <summary>
    /// Starts <paramref name="body"/> for each item in order while fewer than <paramref name="limit"/>()
    /// (at least 1) are running. After a failure nothing more starts; the running ones finish, then
    /// the first failure is thrown. Continuations stay on the caller's scheduler (a grain's turn).
    /// </summary>
    public static async Task ForEachAsync<T>(IEnumerable<T> items, Func<int> limit, Func<T, Task> body)
    {
        var running = new List<Task>();
        Task? failed = null;
        foreach (var item in items)
        {
            while (running.Count >= Math.Max(1, limit()))
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                if (!finished.IsCompletedSuccessfully)
                {
                    failed = finished;
                    break;
                }
            }

            if (failed is not null) break;
            running.Add(body(item));
        }

        if (failed is not null) running.Add(failed);
        await Task.WhenAll(running);
    }
}
