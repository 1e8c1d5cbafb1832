using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Runtime.Cluster;

/// <summary>A cluster client's membership: it only reads the table, every refresh period.</summary>
internal sealed class MembershipReader(ClusterMembership membership, TimeProvider timeProvider, IOptions<ClusterOptions> options, ILogger<MembershipReader> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await membership.RefreshAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "First membership read failed; retrying in the background");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.RefreshPeriod, timeProvider, stoppingToken);
                await membership.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Membership read failed; retrying");
            }
        }
    }
}
