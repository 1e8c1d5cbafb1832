namespace Runtime.Storage;

/// <summary>State that the runtime reads before the grain's OnActivateAsync runs.</summary>
internal interface IStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}
