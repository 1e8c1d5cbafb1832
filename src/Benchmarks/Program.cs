using Benchmarks;
using BenchmarkDotNet.Running;

// `memory` prints the managed heap an event costs; `catalogue-memory` what the search index costs
// per 10,000 events; `catalogue-search` the CPU of a search in the index alone over the search
// scenario's mix; `engine` runs the event grain under load without HTTP (scripts/engine-bench.sh);
// `limiter` times what the API's rate limiter adds to a request; anything else goes to BenchmarkDotNet.
if (args is ["engine", ..])
{
    return await EngineLoad.RunAsync(args);
}

if (args is ["limiter", ..])
{
    return RateLimiterCost.Run(args);
}

if (args is ["catalogue-memory", ..])
{
    CatalogueMemoryReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
    return 0;
}

if (args is ["catalogue-search", ..])
{
    return CatalogueSearchCost.Run(args);
}

if (args is ["memory", ..])
{
    EventMemoryReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(EventMemoryReport).Assembly).Run(args);
return 0;
