using Microsoft.Extensions.Options;

namespace Api.Holds;

internal sealed class HoldBatchingOptionsValidator : IValidateOptions<HoldBatchingOptions>
{
    public ValidateOptionsResult Validate(string? name, HoldBatchingOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBatchSize is < 1 or > 1000) failures.Add($"HoldBatching:MaxBatchSize must be between 1 and 1000; it is {options.MaxBatchSize}.");
        if (options.MaxBatchesInFlight is < 1 or > 64) failures.Add($"HoldBatching:MaxBatchesInFlight must be between 1 and 64; it is {options.MaxBatchesInFlight}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
