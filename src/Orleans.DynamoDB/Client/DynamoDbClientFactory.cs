using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace OrleansDynamoDb.Client;

/// <summary>Builds the one DynamoDB client a process shares, from <see cref="DynamoDbOptions"/>.</summary>
public static class DynamoDbClientFactory
{
    public static IAmazonDynamoDB Create(DynamoDbOptions options)
    {
        var config = new AmazonDynamoDBConfig
        {
            MaxErrorRetry = 3,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var serviceUrl = options.ResolvedServiceUrl;
        if (!string.IsNullOrEmpty(serviceUrl))
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        // A local endpoint accepts any credentials; don't make developers configure fake ones.
        var accessKey = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        if (!string.IsNullOrEmpty(serviceUrl) && string.IsNullOrEmpty(accessKey))
        {
            return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
        }

        return new AmazonDynamoDBClient(config);
    }
}
