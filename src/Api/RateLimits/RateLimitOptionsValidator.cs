using Microsoft.Extensions.Options;

namespace Api.RateLimits;

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.InstanceCount < 1) failures.Add("RateLimits:InstanceCount must be at least 1.");
        Check(failures, "RateLimits:Mutations", options.Mutations);
        Check(failures, "RateLimits:Anonymous", options.Anonymous);
        foreach (var (eventId, settings) in options.Events) Check(failures, $"RateLimits:Events:{eventId}", settings);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string path, TokenBucketSettings? settings)
    {
        if (settings is null) failures.Add($"{path} is required.");
        else if (!(settings.PermitsPerSecond > 0) || settings.PermitsPerSecond > 1_000_000) failures.Add($"{path}:PermitsPerSecond must be above 0 and at most 1,000,000.");
        else if (settings.Burst < 1) failures.Add($"{path}:Burst must be at least 1.");
    }
}
