namespace Runtime.Cluster;

/// <summary>This process's identity as a silo.</summary>
public sealed class LocalSilo
{
    public LocalSilo(SiloOptions options, TimeProvider timeProvider)
    {
        var host = options.ResolveHost();
        StartedAt = timeProvider.GetUtcNow();
        Generation = StartedAt.ToUnixTimeMilliseconds();
        Address = $"tcp://{host}:{options.Port}";
        SiloId = $"{host}:{options.Port}@{Generation}";
    }

    public string SiloId { get; }

    public string Address { get; }

    public long Generation { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Set once the silo announced ShuttingDown or learned it was declared dead: it takes no new calls.</summary>
    public volatile bool Leaving;
}
