using System.Text.Json;

namespace Deploy.Tests;

public sealed class TaskDefinitionTests
{
    [Theory]
    [InlineData("deploy/ecs/silo-task-definition.json", "silo", "<SILO_IMAGE>", 11111, 8080, "Silo")]
    [InlineData("deploy/ecs/api-task-definition.json", "api", "<API_IMAGE>", 8080, 8080, "Client")]
    public void TaskDefinitionsAreValidJson(string path, string container, string image, int port, int healthPort, string clusterMode)
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
        Assert.Contains(port, definition.GetProperty("portMappings").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()));

        var env = definition.GetProperty("environment").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());
        Assert.Equal(clusterMode, env["Cluster__Mode"]);
        Assert.Equal("false", env["DynamoDb__CreateTables"]);
        Assert.Equal("<REGION>", env["AWS_REGION"]);
        Assert.False(env.ContainsKey("DynamoDb__ServiceUrl"), "in AWS the SDK finds DynamoDB itself.");
        Assert.False(env.ContainsKey("Cluster__Secret"), "the cluster secret comes from Secrets Manager, not plain text.");
        Assert.Contains("Cluster__Secret", definition.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var health = definition.GetProperty("healthCheck");
        var command = health.GetProperty("command").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal("CMD", command[0]);
        // Silos answer health over HTTP/1.1 on their health port: their grain port speaks only the silo protocol.
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

        if (container == "silo")
        {
            // Between SIGTERM and SIGKILL the silo hands its grains over.
            Assert.Equal(60, definition.GetProperty("stopTimeout").GetInt32());
        }
    }
}
