using System.Text.Json;

namespace Deploy.Tests;

public sealed class TaskDefinitionTests
{
    private const string SiloPath = "deploy/ecs/silo-task-definition.json";
    private const string ApiPath = "deploy/ecs/api-task-definition.json";

    public static TheoryData<string, string, string, string> Definitions => new()
    {
        { SiloPath, "silo", "<SILO_IMAGE>", "Silo" },
        { ApiPath, "api", "<API_IMAGE>", "Client" },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void TaskDefinitionsAreValidJson(string path, string container, string image, string clusterMode)
    {
        using var document = JsonDocument.Parse(RepoFiles.Read(path));
        var root = document.RootElement;

        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("family").GetString()));
        Assert.Contains("FARGATE", root.GetProperty("requiresCompatibilities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("awsvpc", root.GetProperty("networkMode").GetString());
        // 1 vCPU / 2 GB: Fargate wants both as strings in a registered pair.
        Assert.Equal("1024", root.GetProperty("cpu").GetString());
        Assert.Equal("2048", root.GetProperty("memory").GetString());
        Assert.Contains("<ACCOUNT_ID>", root.GetProperty("executionRoleArn").GetString());
        Assert.Contains("<ACCOUNT_ID>", root.GetProperty("taskRoleArn").GetString());

        var definition = Assert.Single(root.GetProperty("containerDefinitions").EnumerateArray());
        Assert.Equal(container, definition.GetProperty("name").GetString());
        Assert.Equal(image, definition.GetProperty("image").GetString());
        Assert.True(definition.GetProperty("essential").GetBoolean());

        var env = Environment(definition);
        Assert.Equal(clusterMode, env["Cluster__Mode"]);
        Assert.Equal("<CLUSTER_ID>", env["Cluster__ClusterId"]);
        Assert.Equal("<SERVICE_ID>", env["Cluster__ServiceId"]);
        Assert.Equal("false", env["DynamoDb__CreateTables"]);
        Assert.Equal("<REGION>", env["AWS_REGION"]);
        Assert.False(env.ContainsKey("DynamoDb__ServiceUrl"), "in AWS the SDK finds DynamoDB itself.");
        foreach (var (key, value) in env) CodeSettings.AssertBinds(key, value, path);
        foreach (var name in SecretNames(definition)) CodeSettings.AssertBinds(name, null, $"{path} secrets");

        var health = definition.GetProperty("healthCheck");
        var command = health.GetProperty("command").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal("CMD", command[0]);
        // Silos answer health over HTTP/1.1 on their health port: their silo and gateway ports speak only Orleans' protocol.
        var healthPort = container == "silo" ? CodeSettings.Silo.HealthPort : 8080;
        Assert.Contains($"127.0.0.1/{healthPort} ", string.Join(' ', command));
        Assert.Contains("/health/ready", string.Join(' ', command));
        Assert.True(health.GetProperty("startPeriod").GetInt32() > 0);

        var logs = definition.GetProperty("logConfiguration");
        Assert.Equal("awslogs", logs.GetProperty("logDriver").GetString());
        var options = logs.GetProperty("options");
        foreach (var option in new[] { "awslogs-group", "awslogs-region", "awslogs-stream-prefix" })
        {
            Assert.False(string.IsNullOrWhiteSpace(options.GetProperty(option).GetString()), $"{option} is empty.");
        }
    }

    [Fact]
    public void SiloTaskListensOnSiloGatewayAndHealthPortsAndAdvertisesItsTaskIp()
    {
        var definition = Container(SiloPath);
        var silo = CodeSettings.Silo;

        Assert.Equal(new[] { silo.Port, silo.GatewayPort, silo.HealthPort }.Order(), Ports(definition).Order());
        Assert.All(definition.GetProperty("portMappings").EnumerateArray(), p => Assert.Equal("tcp", p.GetProperty("protocol").GetString()));

        var env = Environment(definition);
        Assert.Equal(silo.Port.ToString(), env["Silo__Port"]);
        Assert.Equal(silo.GatewayPort.ToString(), env["Silo__GatewayPort"]);
        Assert.Equal(silo.HealthPort.ToString(), env["Silo__HealthPort"]);
        // In awsvpc mode the task IP is the only address other tasks reach; task hostnames do not resolve.
        Assert.Equal("true", env["Silo__AdvertiseIpAddress"]);
        Assert.False(env.ContainsKey("Silo__AdvertisedAddress"), "a fixed advertised address would be shared by every task.");

        // Orleans has no shared secret: silos read no secrets at all (traffic is confined by security groups).
        Assert.Empty(SecretNames(definition));
    }

    [Fact]
    public void SiloTaskGivesOrleansTimeForGracefulShutdown()
    {
        var definition = Container(SiloPath);
        var stopTimeout = TimeSpan.FromSeconds(definition.GetProperty("stopTimeout").GetInt32());
        var hostTimeout = CodeSettings.HostShutdownTimeout(Environment(definition));

        // Fargate allows at most 120 s between SIGTERM and SIGKILL; the host must give up on the graceful
        // shutdown (and exit) before ECS kills the task.
        Assert.InRange(stopTimeout, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
        Assert.InRange(hostTimeout, TimeSpan.FromSeconds(60), stopTimeout - TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void ApiTaskIsAnOrleansClientListeningOnlyForHttp()
    {
        var definition = Container(ApiPath);

        Assert.Equal([8080], Ports(definition));
        var env = Environment(definition);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("Silo__", StringComparison.Ordinal));
        // Tokens come from Cognito and are checked with its public keys: no secret to read.
        Assert.Empty(SecretNames(definition));
        Assert.Equal("false", env["Auth__DevTokens__Enabled"]);
        Assert.Equal("cognito:groups", env["Auth__RoleClaim"]);
    }

    [Theory]
    [InlineData(SiloPath, "SiloTaskDefinition")]
    [InlineData(ApiPath, "ApiTaskDefinition")]
    public void TaskDefinitionsMatchTheTemplate(string path, string templateResource)
    {
        var json = Container(path);
        var template = Assert.Single(Yaml.LoadFile("deploy/cloudformation/booking.yaml")
            .At("Resources", templateResource, "Properties", "ContainerDefinitions").Seq());

        Assert.Equal(json.GetProperty("name").GetString(), template.At("Name").Text());
        Assert.Equal(json.GetProperty("stopTimeout").GetInt32().ToString(), template.At("StopTimeout").Text());
        Assert.Equal(Ports(json).Order(), template.At("PortMappings").Seq().Select(p => int.Parse(p.At("ContainerPort").Text())).Order());

        // Same variable names; the template fills in from parameters what the JSON leaves as <PLACEHOLDERS>.
        var templateEnv = template.At("Environment").Seq().ToDictionary(e => e.At("Name").Text(), e => e.At("Value"));
        var jsonEnv = Environment(json);
        Assert.Equal(jsonEnv.Keys.Order(StringComparer.Ordinal), templateEnv.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in jsonEnv.Where(e => e.Value is { } v && !v.StartsWith('<')))
        {
            Assert.Equal(value, templateEnv[key] as string);
        }

        var templateSecrets = template.Has("Secrets") ? template.At("Secrets").Seq().Select(s => s.At("Name").Text()) : [];
        Assert.Equal(SecretNames(json).Order(StringComparer.Ordinal), templateSecrets.Order(StringComparer.Ordinal));
    }

    private static JsonElement Container(string path)
    {
        using var document = JsonDocument.Parse(RepoFiles.Read(path));
        return Assert.Single(document.RootElement.GetProperty("containerDefinitions").EnumerateArray()).Clone();
    }

    private static List<int> Ports(JsonElement definition) =>
        definition.GetProperty("portMappings").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()).ToList();

    private static Dictionary<string, string> Environment(JsonElement definition) =>
        definition.GetProperty("environment").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);

    private static List<string> SecretNames(JsonElement definition) =>
        definition.TryGetProperty("secrets", out var secrets)
            ? secrets.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList()
            : [];
}
