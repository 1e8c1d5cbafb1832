using System.ComponentModel.DataAnnotations;

namespace OrleansDynamoDb.Client;

/// <summary>
/// Where the providers keep their tables; bound from the "DynamoDb" configuration section and shared
/// by clustering, grain storage, reminders and the event journal.
/// </summary>
public sealed class DynamoDbOptions
{
    public const string SectionName = "DynamoDb";

    /// <summary>Endpoint such as http://127.0.0.1:8000 for DynamoDB Local. Default: the AWS_ENDPOINT_URL_DYNAMODB variable, else AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>AWS region. Default us-east-1 (DynamoDB Local accepts any).</summary>
    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Prefix of every table name, so several deployments can share an account. Default "booking-".</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]*$")]
    public string TablePrefix { get; set; } = "booking-";

    /// <summary>Create missing tables on start-up (on for local use; production creates them from the template). Default true.</summary>
    public bool CreateTables { get; set; } = true;

    public string GrainsTable => TablePrefix + "grains";

    public string JournalTable => TablePrefix + "journal";

    public string SnapshotsTable => TablePrefix + "snapshots";

    public string RemindersTable => TablePrefix + "reminders";

    public string MembershipTable => TablePrefix + "membership";

    public string? ResolvedServiceUrl =>
        string.IsNullOrEmpty(ServiceUrl) ? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB") : ServiceUrl;
}
