namespace Runtime.Reminders;

/// <summary>A durable reminder; <see cref="Period"/> of zero means it fires once and is deleted.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset DueAt, TimeSpan Period);
