// Each test runs a whole cluster of processes on a two-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
