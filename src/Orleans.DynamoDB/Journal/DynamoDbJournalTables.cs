using Amazon.DynamoDBv2;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Journal;

/// <summary>
/// Creates the journal and snapshots tables once per process when <see cref="DynamoDbOptions.CreateTables"/>.
/// It starts both as a hosted service and, inside a silo, in the silo's runtime-initialize stage:
/// whichever comes first creates them, so no grain can append before they exist, whatever the order
/// the host's services were registered in.
/// </summary>
internal sealed class DynamoDbJournalTables(IAmazonDynamoDB client, IOptions<DynamoDbOptions> options)
    : IHostedService, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Lock _gate = new();
    private Task? _created;

    public Task StartAsync(CancellationToken cancellationToken) => EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DynamoDbJournalTables), ServiceLifecycleStage.RuntimeInitialize, EnsureCreatedAsync);

    private Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A failed or cancelled attempt is retried by the next caller rather than remembered.
            if (_created is null || _created.IsFaulted || _created.IsCanceled) _created = CreateAsync(cancellationToken);
            return _created;
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.CreateTables) return;
        await Task.WhenAll(
            DynamoDbTableCreator.EnsureTableAsync(client, JournalTablesLayout.JournalTable(o), cancellationToken),
            DynamoDbTableCreator.EnsureTableAsync(client, JournalTablesLayout.SnapshotsTable(o), cancellationToken));
    }
}
