namespace Runtime.Reminders;

/// <summary>Durable reminder rows (Orleans: IReminderTable).</summary>
public interface IReminderTable
{
    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    Task DeleteAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>Reminders due at or before <paramref name="until"/>.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a fired reminder to its next due time (or deletes it when <paramref name="nextDueAt"/>
    /// is null) unless the grain changed it meanwhile; false when it was changed.
    /// </summary>
    Task<bool> TryAdvanceAsync(ReminderEntry fired, DateTimeOffset? nextDueAt, CancellationToken cancellationToken);
}
