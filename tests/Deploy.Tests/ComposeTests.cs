namespace Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly Dictionary<string, object?> _services = Yaml.LoadFile("docker-compose.yml").At("services").Map();

    // Settings by which API and silos find one another and the same tables; they must agree.
    private static readonly string[] _sharedSettings =
    [
        "Cluster__ClusterId", "Cluster__Secret", "DynamoDb__ServiceUrl", "DynamoDb__TablePrefix",
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

        foreach (var name in new[] { "silo", "api" })
        {
            Assert.Contains("/health/ready", string.Join(' ', _services[name].At("healthcheck", "test").Seq().Select(Tree.Text)));
        }

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
        Assert.Equal("11111", env["Silo__Port"]);
        Assert.Equal("true", env["Silo__AdvertiseHostName"]);
        Assert.Equal("booking-local", env["Cluster__ClusterId"]);
        Assert.Equal("${CLUSTER_SECRET:-local-dev-secret}", env["Cluster__Secret"]);
        Assert.Equal("http://dynamodb-local:8000", env["DynamoDb__ServiceUrl"]);
        Assert.Equal("booking-", env["DynamoDb__TablePrefix"]);
        Assert.Equal("http://ses-local:8005", env["Ses__ServiceUrl"]);
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
            Assert.Equal(siloEnv[key], env[key]);
        }

        Assert.Equal("src/Api/Dockerfile", api.At("build", "dockerfile").Text());
        Assert.Contains("8080:8080", api.At("ports").Seq().Select(Tree.Text));
    }

    /// <summary>Compose accepts both "KEY: value" mappings and "- KEY=value" lists.</summary>
    private static Dictionary<string, string> Environment(object? service)
    {
        var env = service.At("environment");
        return env is List<object?> list
            ? list.Select(Tree.Text).Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "")
            : env.Map().ToDictionary(p => p.Key, p => p.Value.Text());
    }
}
