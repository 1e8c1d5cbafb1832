using Runtime.Activation;

namespace Runtime.Reminders;

/// <summary>A reminder delivery queued to an activation like any other turn.</summary>
internal sealed class ReminderTick(string name, DateTimeOffset dueAt) : WorkItem
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completion.Task;

    public override bool IsClientCall => false;

    public override async Task RunAsync(GrainActivation activation)
    {
        try
        {
            if (activation.Instance is not IRemindable remindable)
            {
                throw new InvalidOperationException($"Grain {activation.GrainId} registered reminder '{name}' but does not implement IRemindable.");
            }

            await remindable.ReceiveReminder(name, dueAt);
            _completion.TrySetResult();
        }
        catch (Exception e)
        {
            activation.OnCallFailed(e);
            _completion.TrySetException(e);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
