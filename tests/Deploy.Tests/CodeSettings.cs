using System.Globalization;
using System.Reflection;
using Grains.Email;
using Grains.Email.Ses;
using Grains.Hosting;
using Orleans.Configuration;
using OrleansDynamoDb.Client;

namespace Deploy.Tests;

/// <summary>
/// The settings the code reads, so the deploy files can be checked against it: every "Section__Key"
/// variable they set must name a property of the options class the code binds that section to, and
/// its value must convert to the property's type. A renamed or removed option then fails the deploy
/// tests instead of being silently ignored at start-up.
/// </summary>
internal static class CodeSettings
{
    /// <summary>The ports a silo listens on, as the code defaults them.</summary>
    public static SiloEndpointOptions Silo { get; } = new();

    /// <summary>Settings of the old hand-written runtime that Orleans does not have; no deploy file may set them.</summary>
    public static readonly string[] Removed =
    [
        "Cluster__Secret", "Cluster__RefreshPeriod", "Cluster__DeadAfter", "Silo__AdvertiseHostName", "Reminders__ScanPeriod",
    ];

    /// <summary>Sections bound by the code the deploy tests reference (src/Grains and its providers).</summary>
    private static readonly Dictionary<string, Type> _sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [ClusterHostingOptions.SectionName] = typeof(ClusterHostingOptions),
        [SiloEndpointOptions.SectionName] = typeof(SiloEndpointOptions),
        [DynamoDbOptions.SectionName] = typeof(DynamoDbOptions),
        [SesOptions.SectionName] = typeof(SesOptions),
        [EmailOptions.SectionName] = typeof(EmailOptions),
        // BookingSiloHostingExtensions binds "Membership" onto Orleans' failure detection options.
        ["Membership"] = typeof(ClusterMembershipOptions),
    };

    /// <summary>Sections of the API project, which these tests do not reference: checked against its source file.</summary>
    private static readonly Dictionary<string, string> _apiSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Auth"] = "src/Api/Auth/AuthOptions.cs",
        ["RateLimits"] = "src/Api/RateLimits/RateLimitOptions.cs",
        ["Browser"] = "src/Api/Browser/BrowserOptions.cs",
    };

    /// <summary>Variables read by the AWS SDK, ASP.NET Core or the .NET host rather than by an options class.</summary>
    private static readonly HashSet<string> _platform =
    [
        "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ASPNETCORE_HTTP_PORTS", ShutdownTimeoutVariable,
    ];

    /// <summary>
    /// The generic host's shutdown timeout (host configuration key "shutdownTimeoutSeconds", default 30 s):
    /// Orleans' graceful shutdown must finish inside it, and it inside the container's stop timeout.
    /// </summary>
    public const string ShutdownTimeoutVariable = "DOTNET_SHUTDOWNTIMEOUTSECONDS";

    /// <summary>Fails unless <paramref name="name"/> is a setting the code reads; checks <paramref name="value"/> when it is a literal.</summary>
    public static void AssertBinds(string name, object? value, string where)
    {
        Assert.DoesNotContain(name, Removed);
        if (_platform.Contains(name)) return;

        var path = name.Split("__");
        Assert.True(path.Length >= 2, $"{where}: {name} is neither a Section__Key setting nor a known platform variable.");

        if (_apiSections.TryGetValue(path[0], out var source))
        {
            // Read from the source: each key must be declared as a property there (nested classes included).
            var text = RepoFiles.Read(source);
            // An index into a list setting (Browser__AllowedOrigins__0) names no property.
            foreach (var key in path[1..].Where(k => !k.All(char.IsAsciiDigit)))
            {
                Assert.True(text.Contains($" {key} {{ get; set; }}", StringComparison.Ordinal), $"{where}: {name}: {source} has no settable property {key}.");
            }

            return;
        }

        Assert.True(_sections.TryGetValue(path[0], out var type), $"{where}: {name}: no options class binds section {path[0]}.");
        PropertyInfo? property = null;
        foreach (var key in path[1..])
        {
            property = type!.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            Assert.True(property is { CanWrite: true }, $"{where}: {name}: {type.Name} has no settable property {key}.");
            type = property!.PropertyType;
        }

        if (value is string literal && !IsPlaceholder(literal))
        {
            Assert.True(Converts(literal, type!), $"{where}: {name}={literal} is not a valid {type!.Name}.");
        }
    }

    /// <summary>"&lt;REGION&gt;" in the ECS files, "${VAR:-default}" in compose: filled in at deploy time.</summary>
    private static bool IsPlaceholder(string value) => value.StartsWith('<') || value.StartsWith("${", StringComparison.Ordinal);

    private static bool Converts(string value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => true,
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _),
            _ when type.IsEnum => Enum.GetNames(type).Contains(value, StringComparer.OrdinalIgnoreCase),
            _ => throw new NotSupportedException($"No conversion check for {type.Name}."),
        };
    }

    /// <summary>Parses a compose duration such as "90s" or "1m30s".</summary>
    public static TimeSpan ComposeDuration(string value)
    {
        var total = TimeSpan.Zero;
        foreach (System.Text.RegularExpressions.Match part in System.Text.RegularExpressions.Regex.Matches(value, "([0-9]+)(ms|s|m|h)"))
        {
            var amount = int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }

        Assert.True(total > TimeSpan.Zero, $"cannot read the duration {value}.");
        return total;
    }

    /// <summary>
    /// The host shutdown timeout a process gets from these environment variables, found by building a
    /// real host with them: proves the variable is the one the host reads, not just a name in a file.
    /// </summary>
    public static TimeSpan HostShutdownTimeout(IReadOnlyDictionary<string, string> environment)
    {
        // What the environment-variable provider does: DOTNET_-prefixed variables go to host configuration without the prefix.
        var hostSettings = environment.Where(e => e.Key.StartsWith("DOTNET_", StringComparison.Ordinal))
            .ToDictionary(e => e.Key["DOTNET_".Length..].Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationManager();
        Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(configuration, hostSettings);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new() { Configuration = configuration });
        using var host = builder.Build();
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Hosting.HostOptions>>(host.Services).Value.ShutdownTimeout;
    }
}
