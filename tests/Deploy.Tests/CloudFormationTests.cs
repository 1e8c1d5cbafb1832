using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Deploy.Tests;

public sealed class CloudFormationTests
{
    private const string TemplatePath = "deploy/cloudformation/booking.yaml";

    private static readonly Dictionary<string, object?> _template = Yaml.LoadFile(TemplatePath);
    private static readonly Dictionary<string, object?> _resources = _template.At("Resources").Map();

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
                     "MaxSilos", "ExistingUserPoolId", "ExistingUserPoolClientId", "CreateUserPoolGroups", "FrontEndOrigin",
                     "SesFromAddress", "TablePrefix",
                 })
        {
            Assert.True(parameters.ContainsKey(name), $"parameter {name} is missing.");
        }

        // Orleans has no cluster secret: an operator must not be asked for one that nothing reads.
        Assert.False(parameters.ContainsKey("ClusterSecretArn"), "ClusterSecretArn is a setting of the old runtime.");

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
    public void CodeCreatesTheTablesTheTestsKnow()
    {
        // A guard on the capture itself: if it found nothing, every comparison below would pass.
        Assert.Equal(
            ["emails", "grains", "journal", "membership", "reminders", "snapshots", "users-index"],
            CodeTables.All.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(8, CodeTables.All["users-index"].GlobalSecondaryIndexes.Count);

        // The Orleans reminder provider reads a silo's ring range through hash-index; due-index is gone.
        var reminderIndex = Assert.Single(CodeTables.All["reminders"].GlobalSecondaryIndexes);
        Assert.Equal("hash-index", reminderIndex.IndexName);
        Assert.Equal([("bucket", "HASH"), ("ghash", "RANGE")], KeySchema(reminderIndex.KeySchema));
    }

    [Fact]
    public void TemplateDeclaresEveryTableTheCodeCreatesWithItsSchema()
    {
        var tables = Tables();
        Assert.Equal(CodeTables.All.Keys.Order(StringComparer.Ordinal), tables.Keys.Order(StringComparer.Ordinal));

        foreach (var (suffix, expected) in CodeTables.All)
        {
            var resource = _resources[tables[suffix]];
            // They hold every acknowledged booking, user and email.
            Assert.Equal("Retain", resource.At("DeletionPolicy").Text());
            Assert.Equal("Retain", resource.At("UpdateReplacePolicy").Text());

            var properties = resource.At("Properties");
            Assert.Equal(BillingMode.PAY_PER_REQUEST.Value, expected.BillingMode?.Value);
            Assert.Equal("PAY_PER_REQUEST", properties.At("BillingMode").Text());
            Assert.Equal("true", properties.At("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled").Text());

            var attributes = properties.At("AttributeDefinitions").Seq().Select(a => (a.At("AttributeName").Text(), a.At("AttributeType").Text()));
            Assert.Equal(
                expected.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)).Order(),
                attributes.Order());

            Assert.Equal(KeySchema(expected.KeySchema), KeySchema(properties.At("KeySchema")));
            Assert.False(properties.Has("LocalSecondaryIndexes"), $"{suffix} has a local index the code does not create.");

            var expectedIndexes = (expected.GlobalSecondaryIndexes ?? []).ToDictionary(i => i.IndexName);
            if (expectedIndexes.Count == 0)
            {
                Assert.False(properties.Has("GlobalSecondaryIndexes"), $"{suffix} has an index the code does not create.");
                continue;
            }

            var indexes = properties.At("GlobalSecondaryIndexes").Seq().ToDictionary(i => i.At("IndexName").Text());
            Assert.Equal(expectedIndexes.Keys.Order(StringComparer.Ordinal), indexes.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, index) in indexes)
            {
                var code = expectedIndexes[name];
                Assert.Equal(KeySchema(code.KeySchema), KeySchema(index.At("KeySchema")));
                Assert.Equal(code.Projection.ProjectionType.Value, index.At("Projection", "ProjectionType").Text());
                var nonKey = index.At("Projection").Has("NonKeyAttributes") ? index.At("Projection", "NonKeyAttributes").Seq().Select(Tree.Text) : [];
                Assert.Equal((code.Projection.NonKeyAttributes ?? []).Order(StringComparer.Ordinal), nonKey.Order(StringComparer.Ordinal));
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

        // Silos: every item action on every table and index the code creates, and nothing else.
        var siloRole = TaskRole("SiloTaskDefinition");
        var everything = CodeTables.All.SelectMany(t => new[] { t.Key }.Concat((t.Value.GlobalSecondaryIndexes ?? []).Select(i => $"{t.Key}/index/{i.IndexName}")));
        Assert.Equal(
            everything.SelectMany(r => _siloTableActions.Select(a => (a, r))).Order(),
            DynamoDbGrants(statements, siloRole).Order());

        // The API in client mode calls silos for everything else and writes nothing itself (the
        // tracking pixel goes through EmailGrain.MarkOpened). It reads directly: the gateways in the
        // membership table (DynamoDbGatewayListProvider: one Query of the cluster's partition), the
        // user filter index (the "#count" item, and any of its indexes, never the table itself) and
        // the global email counters.
        var apiRole = TaskRole("ApiTaskDefinition");
        var userIndexes = CodeTables.All["users-index"].GlobalSecondaryIndexes.Select(i => ("dynamodb:Query", $"users-index/index/{i.IndexName}"));
        Assert.Equal(
            new[]
            {
                ("dynamodb:Query", "membership"),
                ("dynamodb:GetItem", "users-index"),
                ("dynamodb:GetItem", "emails"),
            }.Concat(userIndexes).Order(),
            DynamoDbGrants(statements, apiRole).Order());

        // Silos send the emails; the API sends none.
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

        // Between SIGTERM and SIGKILL the silo leaves the cluster and deactivates its grains; the
        // host cancels that graceful shutdown after its own timeout, which must end first.
        var silo = Container("SiloTaskDefinition");
        var stopTimeout = TimeSpan.FromSeconds(int.Parse(silo.At("StopTimeout").Text(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(stopTimeout, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
        var siloEnv = Environment(silo).Where(e => e.Value is string).ToDictionary(e => e.Key, e => e.Value.Text());
        Assert.InRange(CodeSettings.HostShutdownTimeout(siloEnv), TimeSpan.FromSeconds(60), stopTimeout - TimeSpan.FromSeconds(5));

        foreach (var definition in new[] { "SiloTaskDefinition", "ApiTaskDefinition" })
        {
            var properties = Resource(definition, "AWS::ECS::TaskDefinition").At("Properties");
            Assert.Equal("awsvpc", properties.At("NetworkMode").Text());
            Assert.Equal(["FARGATE"], properties.At("RequiresCompatibilities").Seq().Select(Tree.Text));

            var container = Container(definition);
            var env = Environment(container);
            Assert.Equal("false", env["DynamoDb__CreateTables"].Text());
            Assert.False(env.ContainsKey("DynamoDb__ServiceUrl"), $"{definition} must talk to DynamoDB itself.");
            Assert.Equal("TablePrefix", env["DynamoDb__TablePrefix"].RefName());
            Assert.Equal("awslogs", container.At("LogConfiguration", "LogDriver").Text());
            var health = string.Join(' ', container.At("HealthCheck", "Command").Seq().Select(Tree.Text));
            Assert.Contains("/health/ready", health);
            Assert.Contains($"/dev/tcp/127.0.0.1/{(definition == "SiloTaskDefinition" ? CodeSettings.Silo.HealthPort : 8080)} ", health);
        }

        Assert.Equal("/health/ready", Resource("ApiTargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup").At("Properties", "HealthCheckPath").Text());
    }

    [Fact]
    public void SilosAcceptClusterTrafficOnlyFromApiAndSilos()
    {
        var siloGroup = Assert.Single(Resource("SiloService", "AWS::ECS::Service").At("Properties", "NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups").Seq()).RefName();
        var apiGroup = Assert.Single(Resource("ApiService", "AWS::ECS::Service").At("Properties", "NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups").Seq()).RefName();

        // Silos call each other on the silo port; the API's Orleans client calls their gateway port.
        // Nothing else reaches a silo: health checks run inside the task, and Orleans has no shared
        // secret, so these rules are what keeps everyone else off the cluster.
        var silo = CodeSettings.Silo;
        var siloRules = IngressRules(siloGroup).ToList();
        Assert.All(siloRules, r => Assert.Equal("tcp", r.At("IpProtocol").Text()));
        Assert.All(siloRules, r => Assert.Equal(r.At("FromPort").Text(), r.At("ToPort").Text()));
        Assert.Equal(
            new[] { (siloGroup, silo.Port.ToString()), (apiGroup, silo.GatewayPort.ToString()) }.Order(),
            siloRules.Select(r => (r.At("SourceSecurityGroupId").RefName(), r.At("FromPort").Text())).Order());

        var apiRule = Assert.Single(IngressRules(apiGroup));
        Assert.Equal(("tcp", "8080", "8080"), (apiRule.At("IpProtocol").Text(), apiRule.At("FromPort").Text(), apiRule.At("ToPort").Text()));
        var balancerGroup = Assert.Single(Resource("LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer").At("Properties", "SecurityGroups").Seq()).RefName();
        Assert.Equal(balancerGroup, apiRule.At("SourceSecurityGroupId").RefName());
    }

    [Fact]
    public void SilosListenOnSiloGatewayAndHealthPortsAndAdvertiseTheirTaskIp()
    {
        var silo = CodeSettings.Silo;
        var container = Container("SiloTaskDefinition");
        Assert.Equal(
            new[] { silo.Port, silo.GatewayPort, silo.HealthPort }.Select(p => p.ToString()).Order(),
            container.At("PortMappings").Seq().Select(p => p.At("ContainerPort").Text()).Order());

        var env = Environment(container);
        Assert.Equal("Silo", env["Cluster__Mode"].Text());
        Assert.Equal(silo.Port.ToString(), env["Silo__Port"].Text());
        Assert.Equal(silo.GatewayPort.ToString(), env["Silo__GatewayPort"].Text());
        Assert.Equal(silo.HealthPort.ToString(), env["Silo__HealthPort"].Text());
        // Task hostnames do not resolve across awsvpc tasks; the task IP is what others can dial.
        Assert.Equal("true", env["Silo__AdvertiseIpAddress"].Text());
        Assert.False(env.ContainsKey("Silo__AdvertisedAddress"), "a fixed advertised address would be shared by every task.");

        // The API is the client; it listens only for the load balancer.
        var api = Container("ApiTaskDefinition");
        Assert.Equal(["8080"], api.At("PortMappings").Seq().Select(p => p.At("ContainerPort").Text()));
        var apiEnv = Environment(api);
        Assert.Equal("Client", apiEnv["Cluster__Mode"].Text());
        Assert.DoesNotContain(apiEnv.Keys, k => k.StartsWith("Silo__", StringComparison.Ordinal));

        // Client and silos join one cluster only if ClusterId and ServiceId agree.
        foreach (var key in new[] { "Cluster__ClusterId", "Cluster__ServiceId" })
        {
            Assert.Equal(Describe(env[key]), Describe(apiEnv[key]));
        }
    }

    [Fact]
    public void ContainersSetOnlySettingsTheCodeReadsAndNoClusterSecret()
    {
        var referencedSecrets = new List<string>();
        foreach (var definition in new[] { "SiloTaskDefinition", "ApiTaskDefinition" })
        {
            var container = Container(definition);
            foreach (var (name, value) in Environment(container))
            {
                CodeSettings.AssertBinds(name, value, $"{TemplatePath} {definition}");
            }

            var secrets = container.Has("Secrets") ? container.At("Secrets").Seq() : [];
            foreach (var secret in secrets)
            {
                CodeSettings.AssertBinds(secret.At("Name").Text(), null, $"{TemplatePath} {definition} secrets");
                referencedSecrets.Add(secret.At("ValueFrom").RefName());
            }
        }

        // No container reads a secret: silos have none, and the API checks Cognito's tokens with public keys.
        Assert.Empty(referencedSecrets);

        // The execution role fetches exactly the secrets the containers reference.
        var fetched = PolicyStatements()
            .Where(s => s.Role == "TaskExecutionRole" && s.Statement.At("Action").OneOrMany().Contains("secretsmanager:GetSecretValue"))
            .SelectMany(s => s.Statement.At("Resource").OneOrMany().Select(Tree.RefName));
        Assert.Equal(referencedSecrets.Order(StringComparer.Ordinal), fetched.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ApiAcceptsTokensOfTheStacksUserPoolOrAnExistingOne()
    {
        Assert.Equal("Retain", _resources["UserPool"].At("DeletionPolicy").Text());
        Assert.Equal("CreateUserPool", _resources["UserPool"].At("Condition").Text());
        var client = _resources["UserPoolClient"].At("Properties");
        Assert.Equal("false", client.At("GenerateSecret").Text());

        // One group per role of the API (src/Api/Auth/Roles.cs), in the pool the API trusts.
        var groups = _resources.Values.Where(r => r.At("Type").Text() == "AWS::Cognito::UserPoolGroup").ToList();
        Assert.Equal(["admin", "organizer", "staff"], groups.Select(g => g.At("Properties", "GroupName").Text()).Order(StringComparer.Ordinal));
        var roles = RepoFiles.Read("src/Api/Auth/Roles.cs");
        Assert.All(groups, g => Assert.Contains($"= \"{g.At("Properties", "GroupName").Text()}\";", roles));

        var env = Environment(Container("ApiTaskDefinition"));
        Assert.Equal("false", env["Auth__DevTokens__Enabled"].Text());
        Assert.Equal("cognito:groups", env["Auth__RoleClaim"].Text());
        Assert.Contains("https://cognito-idp.${AWS::Region}.amazonaws.com/${PoolId}", Describe(env["Auth__Authority"]), StringComparison.Ordinal);
        Assert.Contains("CreateUserPool", Describe(env["Auth__Audience"]));
        Assert.Equal("ApiDesiredCount", env["RateLimits__InstanceCount"].RefName());
        Assert.Equal("true", env["RateLimits__TrustForwardedFor"].Text());
    }

    private static Dictionary<string, object?> Environment(object? container) =>
        container.At("Environment").Seq().ToDictionary(e => e.At("Name").Text(), e => e.At("Value"));

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

    /// <summary>(action, table suffix or "suffix/index/name") pairs a role's statements allow.</summary>
    private static IEnumerable<(string Action, string Resource)> DynamoDbGrants(IEnumerable<(string Role, object? Statement)> statements, string role)
    {
        var suffixes = Tables().ToDictionary(t => t.Value, t => t.Key);
        foreach (var (_, statement) in statements.Where(s => s.Role == role))
        {
            Assert.Equal("Allow", statement.At("Effect").Text());
            var actions = statement.At("Action").OneOrMany().Select(Tree.Text).Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)).ToList();
            foreach (var resource in actions.Count == 0 ? [] : statement.At("Resource").OneOrMany())
            {
                var name = resource switch
                {
                    Tagged { Tag: "!GetAtt", Value: string att } when att.EndsWith(".Arn", StringComparison.Ordinal) => suffixes[att[..^4]],
                    Tagged { Tag: "!Sub", Value: string sub } when sub.StartsWith("${", StringComparison.Ordinal) && sub.Contains(".Arn}/index/", StringComparison.Ordinal) =>
                        suffixes[sub[2..sub.IndexOf(".Arn}", StringComparison.Ordinal)]] + sub[(sub.IndexOf('}') + 1)..],
                    _ => throw new Xunit.Sdk.XunitException($"{role}: cannot name DynamoDB resource {Describe(resource)}."),
                };
                foreach (var action in actions) yield return (action, name);
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

    private static List<(string, string)> KeySchema(object? schema) =>
        schema.Seq().Select(k => (k.At("AttributeName").Text(), k.At("KeyType").Text())).ToList();

    private static List<(string, string)> KeySchema(List<KeySchemaElement> schema) =>
        schema.Select(k => (k.AttributeName, k.KeyType.Value)).ToList();
}
