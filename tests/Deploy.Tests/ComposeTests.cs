namespace Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly Dictionary<string, object?> _services = Yaml.LoadFile("docker-compose.yml").At("services").Map();

    // Settings by which API and silos find one another and the same tables; they must agree.
    private static readonly string[] _sharedSettings =
    [
        "Cluster__ClusterId", "Cluster__ServiceId", "DynamoDb__ServiceUrl", "DynamoDb__TablePrefix",
        "Ses__ServiceUrl", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
    ];

    [Fact]
    public void ComposeDefinesTheFourServicesWithHealthChecks()
    {
        Assert.Equal(["api", "dynamodb-local", "ses-local", "silo"], _services.Keys.Order());

        foreach (var (name, service) in _services)
        {
            var test = service.At("healthcheck", "test").Seq().Select(Tree.Text).ToList();
            Assert.True(test.Count >= 2, $"{name}: the health check has no command.");
            Assert.Contains(test[0], new[] { "CMD", "CMD-SHELL" });
        }

        // Silos answer health over HTTP/1.1 on their health port: the silo and gateway ports speak only Orleans' protocol.
        var siloHealth = string.Join(' ', _services["silo"].At("healthcheck", "test").Seq().Select(Tree.Text));
        Assert.Contains($"/dev/tcp/127.0.0.1/{CodeSettings.Silo.HealthPort} ", siloHealth);
        Assert.Contains("/health/ready", siloHealth);
        var apiHealth = string.Join(' ', _services["api"].At("healthcheck", "test").Seq().Select(Tree.Text));
        Assert.Contains("/dev/tcp/127.0.0.1/8080 ", apiHealth);
        Assert.Contains("/health/ready", apiHealth);

        // Waiting for "service_healthy" on a service without a health check would hang forever.
        foreach (var (name, service) in _services.Where(s => s.Value.Has("depends_on")))
        {
            foreach (var (dependency, settings) in service.At("depends_on").Map())
            {
                Assert.True(_services.ContainsKey(dependency), $"{name} depends on unknown service {dependency}.");
                Assert.Equal("service_healthy", settings.At("condition").Text());
            }
        }

        Assert.Equal(["dynamodb-local", "ses-local"], _services["silo"].At("depends_on").Map().Keys.Order());
        Assert.Contains("silo", _services["api"].At("depends_on").Map().Keys);
        Assert.Contains("-sharedDb", _services["dynamodb-local"].At("command").Seq().Select(Tree.Text));
        Assert.Contains("aws-ses-v2-local@2.10.2", _services["ses-local"].At("command").Seq().Select(Tree.Text));
    }

    [Fact]
    public void SiloServiceIsScalable()
    {
        var silo = _services["silo"];

        // `docker compose up --scale silo=3` refuses a fixed container name and collides on fixed host ports.
        Assert.False(silo.Has("container_name"), "silo must not set container_name.");
        if (silo.Has("ports"))
        {
            foreach (var port in silo.At("ports").Seq())
            {
                Assert.DoesNotContain(":", port.Text());
            }
        }

        Assert.Equal(".", silo.At("build", "context").Text());
        Assert.Equal("src/Silo/Dockerfile", silo.At("build", "dockerfile").Text());

        var env = Environment(silo);
        Assert.Equal("Silo", env["Cluster__Mode"]);
        Assert.Equal(CodeSettings.Silo.Port.ToString(), env["Silo__Port"]);
        Assert.Equal(CodeSettings.Silo.GatewayPort.ToString(), env["Silo__GatewayPort"]);
        Assert.Equal(CodeSettings.Silo.HealthPort.ToString(), env["Silo__HealthPort"]);
        // Replicas share one service name, so each advertises its own container IP on the compose network;
        // a fixed address would make every replica claim the same one.
        Assert.Equal("true", env["Silo__AdvertiseIpAddress"]);
        Assert.False(env.ContainsKey("Silo__AdvertisedAddress"), "a fixed advertised address breaks --scale.");
        Assert.Equal("booking-local", env["Cluster__ClusterId"]);
        Assert.Equal("http://dynamodb-local:8000", env["DynamoDb__ServiceUrl"]);
        Assert.Equal("booking-", env["DynamoDb__TablePrefix"]);
        Assert.Equal("true", env["DynamoDb__CreateTables"]);
        Assert.Equal("http://ses-local:8005", env["Ses__ServiceUrl"]);

        // Other silos call 11111; the API's Orleans client calls the gateway port.
        var exposed = silo.At("expose").Seq().Select(Tree.Text).ToHashSet();
        Assert.Contains(CodeSettings.Silo.Port.ToString(), exposed);
        Assert.Contains(CodeSettings.Silo.GatewayPort.ToString(), exposed);
    }

    [Fact]
    public void SiloHasTimeForOrleansGracefulShutdown()
    {
        var silo = _services["silo"];
        var env = Environment(silo);
        var grace = CodeSettings.ComposeDuration(silo.At("stop_grace_period").Text());
        var hostTimeout = CodeSettings.HostShutdownTimeout(env);

        // The host cancels Orleans' graceful shutdown after its timeout; docker kills the container after the grace period.
        Assert.InRange(hostTimeout, TimeSpan.FromSeconds(60), grace - TimeSpan.FromSeconds(5));
        Assert.InRange(grace, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void ApiRunsAsClusterClient()
    {
        var api = _services["api"];
        var env = Environment(api);
        var siloEnv = Environment(_services["silo"]);

        Assert.Equal("Client", env["Cluster__Mode"]);
        Assert.Equal("true", env["Auth__DevTokens__Enabled"]);
        foreach (var key in _sharedSettings)
        {
            Assert.True(env.ContainsKey(key), $"api lacks {key}.");
            Assert.True(siloEnv.ContainsKey(key), $"silo lacks {key}.");
            Assert.Equal(siloEnv[key], env[key]);
        }

        // A client listens on nothing of Orleans': it dials the gateways it reads from the membership table.
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("Silo__", StringComparison.Ordinal));

        Assert.Equal("src/Api/Dockerfile", api.At("build", "dockerfile").Text());
        Assert.Contains("8080:8080", api.At("ports").Seq().Select(Tree.Text));
    }

    [Fact]
    public void ApiAndSilosShareOneNetwork()
    {
        // The API reaches the gateways, and silos each other, at the container IPs they advertise.
        foreach (var name in new[] { "api", "silo" })
        {
            Assert.False(_services[name].Has("network_mode"), $"{name}: network_mode would leave the compose network.");
        }

        var apiNetworks = Networks(_services["api"]);
        var siloNetworks = Networks(_services["silo"]);
        Assert.NotEmpty(apiNetworks.Intersect(siloNetworks));
    }

    [Fact]
    public void EveryServiceSettingIsOneTheCodeReads()
    {
        foreach (var name in new[] { "api", "silo" })
        {
            foreach (var (key, value) in Environment(_services[name]))
            {
                CodeSettings.AssertBinds(key, value, $"docker-compose.yml {name}");
            }
        }
    }

    /// <summary>Compose accepts both "KEY: value" mappings and "- KEY=value" lists.</summary>
    private static Dictionary<string, string> Environment(object? service)
    {
        var env = service.At("environment");
        return env is List<object?> list
            ? list.Select(Tree.Text).Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "")
            : env.Map().ToDictionary(p => p.Key, p => p.Value.Text());
    }

    /// <summary>A service's networks; none listed means the project's default network.</summary>
    private static HashSet<string> Networks(object? service)
    {
        if (!service.Has("networks")) return ["default"];
        var networks = service.At("networks");
        return networks is List<object?> list ? list.Select(Tree.Text).ToHashSet() : networks.Map().Keys.ToHashSet();
    }
}
