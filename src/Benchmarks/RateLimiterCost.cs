extern alias api;

using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using api::Api.RateLimits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Benchmarks;

/// <summary>
/// What the rate limiter adds to a request, measured in one run as a timed loop over the API's own
/// limiter set-up (AddBookingRateLimits + UseRateLimiter) against the same pipeline without it:
/// a mutation by a signed-in user (the per-user token bucket and the global limiter's pass-through)
/// and a signed-in read (the global limiter only). Budgets are high, so nothing is refused; 10,000
/// users take turns, so the partition dictionary is the size of a busy on-sale's.
///   dotnet run -c Release --project src/Benchmarks -- limiter [iterations]
/// </summary>
public static class RateLimiterCost
{
    private const int Users = 10_000;
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var principals = Enumerable.Range(0, Users)
            .Select(i => new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", $"buyer-{i}")], "Bearer", "sub", "role")))
            .ToArray();
        var mutation = Endpoint(new EnableRateLimitingAttribute(RateLimitPolicies.Mutations));
        var read = Endpoint();

        var without = Pipeline(limited: false);
        var with = Pipeline(limited: true);
        var results = new Dictionary<string, List<double>>
        {
            ["without limiter"] = [],
            ["limiter, mutation"] = [],
            ["limiter, read"] = [],
        };

        // Interleaved rounds, so a noisy neighbour slows every variant alike; the median of each is reported.
        for (var round = 0; round <= Rounds; round++)
        {
            var a = Measure(without, mutation, principals, iterations);
            var b = Measure(with, mutation, principals, iterations);
            var c = Measure(with, read, principals, iterations);
            if (round == 0) continue; // warm-up (JIT, partitions created)
            results["without limiter"].Add(a);
            results["limiter, mutation"].Add(b);
            results["limiter, read"].Add(c);
        }

        var baseline = Median(results["without limiter"]);
        Console.WriteLine($"{"pipeline",-20} {"ns/request",12} {"added ns",10}");
        foreach (var (name, samples) in results)
        {
            var median = Median(samples);
            Console.WriteLine($"{name,-20} {median,12:F0} {median - baseline,10:F0}");
        }

        return 0;
    }

    private static double Measure(RequestDelegate pipeline, Endpoint endpoint, ClaimsPrincipal[] principals, int iterations)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var context = new DefaultHttpContext { User = principals[i % principals.Length] };
            context.SetEndpoint(endpoint);
            var task = pipeline(context);
            if (!task.IsCompletedSuccessfully) task.GetAwaiter().GetResult();
            if (context.Response.StatusCode != StatusCodes.Status200OK) throw new InvalidOperationException($"Refused: {context.Response.StatusCode}.");
        }

        return clock.Elapsed.TotalNanoseconds / iterations;
    }

    private static RequestDelegate Pipeline(bool limited)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:Mutations:PermitsPerSecond"] = "1000000",
            ["RateLimits:Mutations:Burst"] = "1000000",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddMetrics();
        services.AddProblemDetails();
        services.AddBookingRateLimits(configuration);
        var app = new ApplicationBuilder(services.BuildServiceProvider());
        if (limited) app.UseRateLimiter();
        app.Run(static _ => Task.CompletedTask);
        return app.Build();
    }

    private static Endpoint Endpoint(params object[] metadata) =>
        new(static _ => Task.CompletedTask, new EndpointMetadataCollection(metadata), "bench");

    private static double Median(List<double> samples) => samples.Order().ElementAt(samples.Count / 2);
}
