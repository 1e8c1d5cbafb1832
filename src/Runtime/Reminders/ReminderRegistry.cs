namespace Runtime.Reminders;

/// <summary>Grain-facing reminder operations; the service that fires them is <see cref="ReminderService"/>.</summary>
internal sealed class ReminderRegistry(IReminderTable table, TimeProvider timeProvider)
{
    public event Action<ReminderEntry>? Changed;

    public async Task RegisterOrUpdateAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder period cannot be negative.");
        var entry = new ReminderEntry(grainId, name, dueAt < timeProvider.GetUtcNow() ? timeProvider.GetUtcNow() : dueAt, period);
        await table.UpsertAsync(entry, CancellationToken.None);
        Changed?.Invoke(entry);
    }

    public Task UnregisterAsync(GrainId grainId, string name) => table.DeleteAsync(grainId, name, CancellationToken.None);
}
