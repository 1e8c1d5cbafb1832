namespace Runtime;

/// <summary>Hands out references to grains; a reference works the same wherever the grain lives.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}
