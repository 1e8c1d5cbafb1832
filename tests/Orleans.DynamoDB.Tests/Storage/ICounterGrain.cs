using Orleans;

namespace OrleansDynamoDb.Tests.Storage;

public interface ICounterGrain : IGrainWithStringKey
{
    Task SetAsync(int value, string note);

    Task<(int Value, string? Note, bool RecordExists, Guid Activation)> GetAsync();

    Task DeactivateAsync();
}
