using Orleans;

namespace OrleansDynamoDb.Tests.Storage;

public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task StopAsync();
}
