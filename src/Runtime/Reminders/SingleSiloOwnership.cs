namespace Runtime.Reminders;

internal sealed class SingleSiloOwnership : IGrainOwnership
{
    public bool IsLocal(GrainId grainId) => true;
}
