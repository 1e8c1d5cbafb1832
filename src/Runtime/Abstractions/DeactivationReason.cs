namespace Runtime;

public enum DeactivationReason
{
    Idle,
    Requested,
    ShuttingDown,
    StorageConflict,
    OwnershipChanged,
    ActivationFailed,
}
