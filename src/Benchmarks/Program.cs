using Benchmarks;
using BenchmarkDotNet.Running;

// `memory` prints the managed heap an event costs; anything else goes to BenchmarkDotNet.
if (args is ["memory", ..])
{
    EventMemoryReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EventMemoryReport).Assembly).Run(args);
