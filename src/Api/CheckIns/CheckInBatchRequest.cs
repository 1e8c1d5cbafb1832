using Api.Requests;
using Grains.Abstractions;

namespace Api.CheckIns;

/// <summary>What an offline gate scanned, uploaded once it is back online.</summary>
public sealed record CheckInBatchRequest(IReadOnlyList<OfflineScanRequest>? Scans) : IValidatable
{
    /// <summary>The same as the event grain's limit; a larger upload is split by the gate.</summary>
    public const int MaxScans = 1000;

    public void Validate(ValidationErrors errors)
    {
        if (!errors.Check(Scans is { Count: > 0 }, "scans", "Give at least one scan.")) return;
        if (!errors.Check(Scans!.Count <= MaxScans, "scans", $"At most {MaxScans} scans per batch.")) return;
        for (var i = 0; i < Scans.Count; i++)
        {
            var scan = Scans[i];
            if (!errors.Check(scan is not null, $"scans[{i}]", "A scan is an object {code, gate, scannedAt}.")) continue;
            Fields.Text(errors, $"scans[{i}].code", scan!.Code, CheckInRequest.MaxCodeLength, required: true);
            Fields.Text(errors, $"scans[{i}].gate", scan.Gate, CheckInRequest.MaxGateLength);
            errors.Check(scan.ScannedAt is not null, $"scans[{i}].scannedAt", "When the ticket was scanned (ISO 8601).");
        }
    }

    public IReadOnlyList<OfflineScan> ToScans() =>
        [.. Scans!.Select(s => new OfflineScan { Code = s.Code!, Gate = s.Gate, ScannedAt = s.ScannedAt!.Value })];
}
