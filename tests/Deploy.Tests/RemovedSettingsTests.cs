namespace Deploy.Tests;

/// <summary>The old runtime's settings are gone from every deployment file, values, parameters and comments alike.</summary>
public sealed class RemovedSettingsTests
{
    private static readonly string[] _deployFiles =
    [
        "docker-compose.yml",
        "src/Silo/Dockerfile",
        "src/Api/Dockerfile",
        "deploy/ecs/silo-task-definition.json",
        "deploy/ecs/api-task-definition.json",
        "deploy/cloudformation/booking.yaml",
    ];

    public static TheoryData<string> DeployFiles => new(_deployFiles);

    [Theory]
    [MemberData(nameof(DeployFiles))]
    public void NoDeployFileMentionsTheOldRuntimesSettings(string path)
    {
        var text = RepoFiles.Read(path);
        // The settings themselves, and what fed the cluster secret (parameter, compose variable, ECS placeholder).
        foreach (var name in CodeSettings.Removed.Concat(["ClusterSecretArn", "CLUSTER_SECRET", "AdvertiseHostName", "due-index"]))
        {
            Assert.False(text.Contains(name, StringComparison.OrdinalIgnoreCase), $"{path} still mentions {name}.");
        }
    }

    [Fact]
    public void DeployFilesListCoversEveryEcsFile()
    {
        var listed = _deployFiles.ToHashSet();
        foreach (var file in Directory.GetFiles(RepoFiles.PathOf("deploy"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoFiles.Root, file).Replace('\\', '/');
            Assert.True(listed.Contains(relative), $"{relative} is not checked for removed settings.");
        }
    }
}
