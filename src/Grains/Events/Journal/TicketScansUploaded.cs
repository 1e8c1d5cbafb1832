using Grains.Tickets;

namespace Grains.Events.Journal;

/// <summary>
/// The verified scans of an offline gate's upload, each with its booking's cancellation time;
/// replayed through <see cref="CheckInLedger.AdmitBatch"/>, which is pure, so replay decides the same.
/// </summary>
public sealed record TicketScansUploaded(List<GateScan> Scans) : EventChange;
