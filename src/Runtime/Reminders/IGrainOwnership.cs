namespace Runtime.Reminders;

/// <summary>Tells whether this silo owns a grain, so that each reminder fires on exactly one silo.</summary>
public interface IGrainOwnership
{
    bool IsLocal(GrainId grainId);
}
