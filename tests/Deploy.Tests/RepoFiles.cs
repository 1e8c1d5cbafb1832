namespace Deploy.Tests;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath)
    {
        var path = PathOf(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing from the repository.");
        return File.ReadAllText(path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
