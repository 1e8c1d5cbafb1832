namespace Runtime.Activation;

/// <summary>One unit of work queued to an activation: a call, a timer tick or a reminder.</summary>
internal abstract class WorkItem
{
    /// <summary>True for calls from clients: they count against the queue limit and keep the activation alive.</summary>
    public virtual bool IsClientCall => true;

    /// <summary>Runs on the activation's scheduler; never throws (failures go to the caller's task).</summary>
    public abstract Task RunAsync(GrainActivation activation);

    public abstract void Fail(Exception exception);
}
