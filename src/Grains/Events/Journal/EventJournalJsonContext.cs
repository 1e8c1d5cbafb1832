using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grains.Events.Journal;

/// <summary>Source-generated serialization of journal entries and snapshots (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<EventChange>))]
[JsonSerializable(typeof(EventSnapshot))]
[JsonSerializable(typeof(TicketKeyIssued))]
[JsonSerializable(typeof(TicketCheckedIn))]
[JsonSerializable(typeof(TicketScansUploaded))]
internal sealed partial class EventJournalJsonContext : JsonSerializerContext;
