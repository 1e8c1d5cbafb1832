using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Orleans;
using Orleans.Runtime;
using static OrleansDynamoDb.Clustering.MembershipSchema;

namespace OrleansDynamoDb.Clustering;

/// <summary>
/// Maps a <see cref="MembershipEntry"/> to plain attributes (names, numbers and ISO-8601 UTC times)
/// so that operators can read and query the table without Orleans' serializer.
/// </summary>
internal static class MembershipItem
{
    public static Dictionary<string, AttributeValue> From(MembershipEntry entry, string clusterId, string etag)
    {
        var item = Key(clusterId, entry.SiloAddress.ToParsableString());
        item[ETag] = S(etag);
        item[Status] = S(entry.Status.ToString());
        item[ProxyPort] = N(entry.ProxyPort);
        item[UpdateZone] = N(entry.UpdateZone);
        item[FaultZone] = N(entry.FaultZone);
        item[StartTime] = S(FormatTime(entry.StartTime));
        item[IAmAliveTime] = S(FormatTime(entry.IAmAliveTime));
        if (entry.HostName is not null) item[HostName] = S(entry.HostName);
        if (entry.SiloName is not null) item[SiloName] = S(entry.SiloName);
        if (entry.RoleName is not null) item[RoleName] = S(entry.RoleName);

        // Absent and empty differ in MembershipEntry (null vs an empty list), so both are kept apart here.
        if (entry.SuspectTimes is { } votes)
        {
            item[SuspectTimes] = new AttributeValue
            {
                L = votes.Select(vote => new AttributeValue
                {
                    M = new Dictionary<string, AttributeValue>
                    {
                        [SuspectSilo] = S(vote.Item1.ToParsableString()),
                        [SuspectTime] = S(FormatTime(vote.Item2)),
                    },
                }).ToList(),
            };
        }

        return item;
    }

    public static Tuple<MembershipEntry, string> ToEntry(Dictionary<string, AttributeValue> item)
    {
        var key = Required(item, RowKey, item).S;
        try
        {
            var entry = new MembershipEntry
            {
                SiloAddress = Orleans.Runtime.SiloAddress.FromParsableString(key),
                Status = Enum.Parse<SiloStatus>(Required(item, Status, item).S),
                ProxyPort = ParseInt(Required(item, ProxyPort, item).N),
                UpdateZone = item.TryGetValue(UpdateZone, out var updateZone) ? ParseInt(updateZone.N) : 0,
                FaultZone = item.TryGetValue(FaultZone, out var faultZone) ? ParseInt(faultZone.N) : 0,
                StartTime = item.TryGetValue(StartTime, out var start) ? ParseTime(start.S) : default,
                IAmAliveTime = item.TryGetValue(IAmAliveTime, out var alive) ? ParseTime(alive.S) : default,
                HostName = item.TryGetValue(HostName, out var host) ? host.S : null!,
                SiloName = item.TryGetValue(SiloName, out var silo) ? silo.S : null!,
                RoleName = item.TryGetValue(RoleName, out var role) ? role.S : null,
            };
            if (item.TryGetValue(SuspectTimes, out var votes))
            {
                entry.SuspectTimes = (votes.L ?? []).Select(vote => Tuple.Create(
                    Orleans.Runtime.SiloAddress.FromParsableString(Required(vote.M, SuspectSilo, item).S),
                    ParseTime(Required(vote.M, SuspectTime, item).S))).ToList();
            }

            return Tuple.Create(entry, Required(item, ETag, item).S);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"Membership item {Describe(item)} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The stored table version; a cluster without a version item reads as version 0 with <see cref="AbsentVersionEtag"/>.</summary>
    public static TableVersion ToVersion(Dictionary<string, AttributeValue>? item)
    {
        if (item is not { Count: > 0 }) return new TableVersion(0, AbsentVersionEtag);
        try
        {
            return new TableVersion(ParseInt(Required(item, VersionNumber, item).N), Required(item, VersionEtag, item).S);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"Membership version item {Describe(item)} cannot be read: {e.Message}", e);
        }
    }

    // Real etags are 32 hex digits, so this marker never equals one.
    public const string AbsentVersionEtag = "absent";

    public static string NewEtag() => Guid.NewGuid().ToString("N");

    public static string FormatTime(DateTime time) => AsUtc(time).ToString("O", CultureInfo.InvariantCulture);

    public static DateTime ParseTime(string text) =>
        AsUtc(DateTime.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    // Orleans writes UTC times; an unspecified kind is taken as UTC rather than shifted by the local zone.
    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };

    public static string Describe(Dictionary<string, AttributeValue> item) =>
        $"{ValueOf(item, PartitionKey)}/{ValueOf(item, RowKey)}";

    private static string ValueOf(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S ?? value.N ?? "?" : "?";

    private static AttributeValue Required(Dictionary<string, AttributeValue>? map, string name, Dictionary<string, AttributeValue> item) =>
        map is not null && map.TryGetValue(name, out var value)
            ? value
            : throw new InvalidDataException($"Membership item {Describe(item)} has no {name} attribute.");

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(int value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
