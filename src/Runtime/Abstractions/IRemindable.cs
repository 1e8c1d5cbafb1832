namespace Runtime;

/// <summary>Implemented by grains that register durable reminders.</summary>
public interface IRemindable
{
    Task ReceiveReminder(string reminderName, DateTimeOffset dueAt);
}
