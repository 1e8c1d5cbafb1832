namespace Deploy.Tests;

public sealed class CloudFormationTests
{
    private const string TemplatePath = "deploy/cloudformation/booking.yaml";

    private static readonly Dictionary<string, object?> _template = Yaml.LoadFile(TemplatePath);
    private static readonly Dictionary<string, object?> _resources = _template.At("Resources").Map();

    /// <summary>The key schemas the runtime reads and writes (Runtime/Storage/DynamoDb), by table name suffix.</summary>
    private static readonly Dictionary<string, TableShape> _expectedTables = new()
    {
        ["grains"] = new(Key("id", "S")),
        ["journal"] = new(Key("id", "S"), Key("seq", "N")),
        ["snapshots"] = new(Key("id", "S"), Key("sk", "N")),
        ["reminders"] = new(Key("id", "S"), Key("name", "S"), new("due-index", Key("shard", "N"), Key("due", "N"))),
        ["membership"] = new(Key("cluster", "S"), Key("silo", "S")),
        ["users-index"] = new(Key("pk", "S"), Key("sk", "S")),
    };

    // Item-level actions only. IAM has no TransactWriteItems action: transactions are authorised
    // through the item actions they contain plus ConditionCheckItem.
    private static readonly HashSet<string> _siloTableActions =
    [
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
        "dynamodb:ConditionCheckItem", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
        "dynamodb:DescribeTable",
    ];

    [Fact]
    public void TemplateTakesTheOperatorsParameters()
    {
        Assert.Equal("2010-09-09", _template.At("AWSTemplateFormatVersion").Text());
        var parameters = _template.At("Parameters").Map();
        foreach (var name in new[]
                 {
                     "ClusterName", "Stage", "VpcId", "SubnetIds", "SiloImage", "ApiImage", "DesiredSilos", "MinSilos",
                     "MaxSilos", "ClusterSecretArn", "SesFromAddress", "TablePrefix",
                 })
        {
            Assert.True(parameters.ContainsKey(name), $"parameter {name} is missing.");
        }

        // Every !Ref names a parameter, a resource or a pseudo parameter; a typo fails only at deploy time otherwise.
        foreach (var name in AllTagged(_template).Where(t => t.Tag == "!Ref").Select(t => t.Value.Text()))
        {
            Assert.True(parameters.ContainsKey(name) || _resources.ContainsKey(name) || name.StartsWith("AWS::", StringComparison.Ordinal), $"!Ref {name} points nowhere.");
        }

        foreach (var target in AllTagged(_template).Where(t => t.Tag == "!GetAtt").Select(t => t.Value.Text()))
        {
            Assert.True(_resources.ContainsKey(target.Split('.')[0]), $"!GetAtt {target} points nowhere.");
        }
    }

    [Fact]
    public void TemplateDeclaresEveryTableWithTheRuntimeKeySchema()
    {
        var tables = Tables();
        Assert.Equal(_expectedTables.Keys.Order(), tables.Keys.Order());

        foreach (var (suffix, expected) in _expectedTables)
        {
            var properties = _resources[tables[suffix]].At("Properties");
            Assert.Equal("PAY_PER_REQUEST", properties.At("BillingMode").Text());
            Assert.Equal("true", properties.At("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled").Text());

            var attributes = properties.At("AttributeDefinitions").Seq()
                .ToDictionary(a => a.At("AttributeName").Text(), a => a.At("AttributeType").Text());
            var expectedAttributes = expected.Keys().Concat(expected.Index?.Keys() ?? []).Distinct().ToDictionary(k => k.Name, k => k.Type);
            Assert.Equal(expectedAttributes.OrderBy(a => a.Key), attributes.OrderBy(a => a.Key));

            Assert.Equal(expected.KeySchema(), KeySchema(properties.At("KeySchema")));

            if (expected.Index is { } index)
            {
                var gsi = Assert.Single(properties.At("GlobalSecondaryIndexes").Seq());
                Assert.Equal(index.Name, gsi.At("IndexName").Text());
                Assert.Equal(new[] { (index.Hash.Name, "HASH"), (index.Range.Name, "RANGE") }, KeySchema(gsi.At("KeySchema")));
                Assert.Equal("ALL", gsi.At("Projection", "ProjectionType").Text());
            }
            else
            {
                Assert.False(properties.Has("GlobalSecondaryIndexes"), $"{suffix} has an index the runtime does not use.");
            }
        }
    }

    [Fact]
    public void TemplateGrantsOnlyProjectTablesAndSes()
    {
        var tables = Tables().Values.ToHashSet();
        var indexes = _resources.Where(r => tables.Contains(r.Key) && r.Value.At("Properties").Has("GlobalSecondaryIndexes"))
            .SelectMany(r => r.Value.At("Properties", "GlobalSecondaryIndexes").Seq().Select(i => $"${{{r.Key}.Arn}}/index/{i.At("IndexName").Text()}"))
            .ToHashSet();
        var statements = PolicyStatements().ToList();
        Assert.NotEmpty(statements);

        foreach (var (role, statement) in statements)
        {
            var actions = statement.At("Action").OneOrMany().Select(Tree.Text).ToList();
            Assert.DoesNotContain(actions, a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal));
            var resources = statement.At("Resource").OneOrMany();

            if (actions.Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            {
                Assert.All(actions, a => Assert.Contains(a, _siloTableActions));
                Assert.All(resources, resource =>
                {
                    // Only a table's own ARN or the ARN of one of its declared indexes.
                    var ok = resource is Tagged { Tag: "!GetAtt", Value: string att } && att.EndsWith(".Arn", StringComparison.Ordinal) && tables.Contains(att[..^4])
                        || resource is Tagged { Tag: "!Sub", Value: string sub } && indexes.Contains(sub);
                    Assert.True(ok, $"{role}: DynamoDB statement grants {Describe(resource)}.");
                });
            }

            if (actions.Any(a => a.StartsWith("ses:", StringComparison.Ordinal)))
            {
                Assert.Equal(["ses:SendEmail"], actions);
                var arns = resources.SelectMany(Strings).ToList();
                Assert.NotEmpty(arns);
                Assert.All(arns, arn => Assert.Contains(":ses:${AWS::Region}:${AWS::AccountId}:identity/", arn));
            }

            Assert.All(actions, a => Assert.True(
                a.StartsWith("dynamodb:", StringComparison.Ordinal) || a.StartsWith("ses:", StringComparison.Ordinal) || a == "secretsmanager:GetSecretValue" || a == "sts:AssumeRole",
                $"{role}: unexpected action {a}."));
        }

        // In client mode the API only reads where silos are.
        var apiRole = TaskRole("ApiTaskDefinition");
        var apiStatements = statements.Where(s => s.Role == apiRole).Select(s => s.Statement).ToList();
        var apiActions = apiStatements.SelectMany(s => s.At("Action").OneOrMany().Select(Tree.Text)).Order();
        Assert.Equal(["dynamodb:GetItem", "dynamodb:Query"], apiActions);
        Assert.All(apiStatements.SelectMany(s => s.At("Resource").OneOrMany()),
            r => Assert.Equal($"{TableResource("membership")}.Arn", r.Intrinsic("!GetAtt").Value.Text()));

        // Silos send the emails; the API sends none.
        var siloRole = TaskRole("SiloTaskDefinition");
        Assert.Contains(statements, s => s.Role == siloRole && s.Statement.At("Action").OneOrMany().Contains("ses:SendEmail"));
        Assert.False(_resources[apiRole].At("Properties").Has("ManagedPolicyArns"), "a managed policy would widen the API's grants.");
        Assert.False(_resources[siloRole].At("Properties").Has("ManagedPolicyArns"), "a managed policy would widen the silos' grants.");
    }

    [Fact]
    public void SiloAutoScalingIsConfigured()
    {
        var service = Resource("SiloService", "AWS::ECS::Service");
        Assert.Equal("DesiredSilos", service.At("Properties", "DesiredCount").RefName());
        Assert.Equal("FARGATE", service.At("Properties", "LaunchType").Text());

        var (targetName, target) = Assert.Single(_resources, r => r.Value.At("Type").Text() == "AWS::ApplicationAutoScaling::ScalableTarget");
        var targetProperties = target.At("Properties");
        Assert.Equal("ecs", targetProperties.At("ServiceNamespace").Text());
        Assert.Equal("ecs:service:DesiredCount", targetProperties.At("ScalableDimension").Text());
        Assert.Contains("${SiloService.Name}", targetProperties.At("ResourceId").Intrinsic("!Sub").Value.Text());
        Assert.Equal("MinSilos", targetProperties.At("MinCapacity").RefName());
        Assert.Equal("MaxSilos", targetProperties.At("MaxCapacity").RefName());

        var (_, policy) = Assert.Single(_resources, r => r.Value.At("Type").Text() == "AWS::ApplicationAutoScaling::ScalingPolicy");
        var policyProperties = policy.At("Properties");
        Assert.Equal("TargetTrackingScaling", policyProperties.At("PolicyType").Text());
        Assert.Equal(targetName, policyProperties.At("ScalingTargetId").RefName());
        var tracking = policyProperties.At("TargetTrackingScalingPolicyConfiguration");
        Assert.Equal(60, double.Parse(tracking.At("TargetValue").Text(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("ECSServiceAverageCPUUtilization", tracking.At("PredefinedMetricSpecification", "PredefinedMetricType").Text());
        Assert.True(int.Parse(tracking.At("ScaleInCooldown").Text(), System.Globalization.CultureInfo.InvariantCulture) > 0, "scale-in needs a cooldown.");
    }

    [Fact]
    public void RollingDeploymentsKeepServingAndGiveSilosTimeToHandOver()
    {
        foreach (var name in new[] { "SiloService", "ApiService" })
        {
            var deployment = Resource(name, "AWS::ECS::Service").At("Properties", "DeploymentConfiguration");
            Assert.Equal("100", deployment.At("MinimumHealthyPercent").Text());
            Assert.Equal("200", deployment.At("MaximumPercent").Text());
        }

        var silo = Container("SiloTaskDefinition");
        Assert.Equal("60", silo.At("StopTimeout").Text());

        foreach (var definition in new[] { "SiloTaskDefinition", "ApiTaskDefinition" })
        {
            var properties = Resource(definition, "AWS::ECS::TaskDefinition").At("Properties");
            Assert.Equal("awsvpc", properties.At("NetworkMode").Text());
            Assert.Equal(["FARGATE"], properties.At("RequiresCompatibilities").Seq().Select(Tree.Text));

            var container = Container(definition);
            var env = container.At("Environment").Seq().ToDictionary(e => e.At("Name").Text(), e => e.At("Value"));
            Assert.Equal("false", env["DynamoDb__CreateTables"].Text());
            Assert.False(env.ContainsKey("DynamoDb__ServiceUrl"), $"{definition} must talk to DynamoDB itself.");
            Assert.Equal("TablePrefix", env["DynamoDb__TablePrefix"].RefName());
            var secrets = container.At("Secrets").Seq().ToDictionary(e => e.At("Name").Text(), e => e.At("ValueFrom").RefName());
            Assert.Equal("ClusterSecretArn", secrets["Cluster__Secret"]);
            Assert.Equal("awslogs", container.At("LogConfiguration", "LogDriver").Text());
            Assert.Contains("/health/ready", string.Join(' ', container.At("HealthCheck", "Command").Seq().Select(Tree.Text)));
        }

        Assert.Equal("/health/ready", Resource("ApiTargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup").At("Properties", "HealthCheckPath").Text());
    }

    [Fact]
    public void SilosAcceptClusterTrafficOnlyFromApiAndSilos()
    {
        var siloGroup = Assert.Single(Resource("SiloService", "AWS::ECS::Service").At("Properties", "NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups").Seq()).RefName();
        var apiGroup = Assert.Single(Resource("ApiService", "AWS::ECS::Service").At("Properties", "NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups").Seq()).RefName();

        var siloRules = IngressRules(siloGroup).ToList();
        Assert.Equal([apiGroup, siloGroup], siloRules.Select(r => r.At("SourceSecurityGroupId").RefName()).Order());
        Assert.All(siloRules, r => Assert.Equal(("11111", "11111"), (r.At("FromPort").Text(), r.At("ToPort").Text())));

        var apiRule = Assert.Single(IngressRules(apiGroup));
        Assert.Equal(("8080", "8080"), (apiRule.At("FromPort").Text(), apiRule.At("ToPort").Text()));
        var balancerGroup = Assert.Single(Resource("LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer").At("Properties", "SecurityGroups").Seq()).RefName();
        Assert.Equal(balancerGroup, apiRule.At("SourceSecurityGroupId").RefName());
    }

    private static IEnumerable<object?> IngressRules(string group)
    {
        var inline = Resource(group, "AWS::EC2::SecurityGroup").At("Properties") is var p && p.Has("SecurityGroupIngress")
            ? p.At("SecurityGroupIngress").Seq()
            : [];
        var separate = _resources.Values
            .Where(r => r.At("Type").Text() == "AWS::EC2::SecurityGroupIngress" && r.At("Properties", "GroupId").RefName() == group)
            .Select(r => r.At("Properties"));
        return inline.Concat(separate);
    }

    private static object? Resource(string name, string type)
    {
        Assert.True(_resources.TryGetValue(name, out var resource), $"resource {name} is missing.");
        Assert.Equal(type, resource.At("Type").Text());
        return resource;
    }

    private static object? Container(string taskDefinition) =>
        Assert.Single(Resource(taskDefinition, "AWS::ECS::TaskDefinition").At("Properties", "ContainerDefinitions").Seq());

    private static string TaskRole(string taskDefinition)
    {
        var arn = Resource(taskDefinition, "AWS::ECS::TaskDefinition").At("Properties", "TaskRoleArn").Intrinsic("!GetAtt").Value.Text();
        Assert.EndsWith(".Arn", arn);
        return arn[..^4];
    }

    /// <summary>Table resources by name suffix, read from their "!Sub ${TablePrefix}suffix" names.</summary>
    private static Dictionary<string, string> Tables() =>
        _resources.Where(r => r.Value.At("Type").Text() == "AWS::DynamoDB::Table").ToDictionary(
            r =>
            {
                var name = r.Value.At("Properties", "TableName").Intrinsic("!Sub").Value.Text();
                Assert.StartsWith("${TablePrefix}", name);
                return name["${TablePrefix}".Length..];
            },
            r => r.Key);

    private static string TableResource(string suffix) => Tables()[suffix];

    private static IEnumerable<(string Role, object? Statement)> PolicyStatements()
    {
        foreach (var (name, resource) in _resources)
        {
            var type = resource.At("Type").Text();
            if (type == "AWS::IAM::Role")
            {
                var properties = resource.At("Properties");
                var policies = properties.Has("Policies") ? properties.At("Policies").Seq() : [];
                foreach (var statement in policies.SelectMany(p => p.At("PolicyDocument", "Statement").Seq()))
                {
                    yield return (name, statement);
                }
            }
            else if (type is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy")
            {
                foreach (var statement in resource.At("Properties", "PolicyDocument", "Statement").Seq())
                {
                    yield return (name, statement);
                }
            }
        }
    }

    private static IEnumerable<Tagged> AllTagged(object? node)
    {
        switch (node)
        {
            case Tagged tagged:
                yield return tagged;
                foreach (var inner in AllTagged(tagged.Value)) yield return inner;
                break;
            case Dictionary<string, object?> map:
                foreach (var inner in map.Values.SelectMany(AllTagged)) yield return inner;
                break;
            case List<object?> list:
                foreach (var inner in list.SelectMany(AllTagged)) yield return inner;
                break;
        }
    }

    /// <summary>Every string a resource can evaluate to, looking through !If branches and !Sub templates.</summary>
    private static IEnumerable<string> Strings(object? node) => node switch
    {
        string s => [s],
        Tagged { Tag: "!Sub", Value: string s } => [s],
        Tagged { Tag: "!If", Value: List<object?> branches } => branches.Skip(1).SelectMany(Strings),
        _ => throw new Xunit.Sdk.XunitException($"cannot tell what {Describe(node)} evaluates to."),
    };

    private static string Describe(object? node) => node switch
    {
        Tagged t => $"{t.Tag} {Describe(t.Value)}",
        string s => s,
        List<object?> l => $"[{string.Join(", ", l.Select(Describe))}]",
        _ => node?.ToString() ?? "null",
    };

    private static (string Name, string Type) Key(string name, string type) => (name, type);

    private static List<(string, string)> KeySchema(object? schema) =>
        schema.Seq().Select(k => (k.At("AttributeName").Text(), k.At("KeyType").Text())).ToList();

    private sealed record IndexShape(string Name, (string Name, string Type) Hash, (string Name, string Type) Range)
    {
        public IEnumerable<(string Name, string Type)> Keys() => [Hash, Range];
    }

    private sealed record TableShape((string Name, string Type) Hash, (string Name, string Type)? Range = null, IndexShape? Index = null)
    {
        public IEnumerable<(string Name, string Type)> Keys() => Range is { } r ? [Hash, r] : [Hash];

        public List<(string, string)> KeySchema() =>
            Range is { } r ? [(Hash.Name, "HASH"), (r.Name, "RANGE")] : [(Hash.Name, "HASH")];
    }
}
