using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Deploy.Tests;

/// <summary>A value written with a local tag, such as CloudFormation's <c>!Ref Name</c> or <c>!Sub "..."</c>.</summary>
internal sealed record Tagged(string Tag, object? Value);

/// <summary>
/// Loads YAML into plain values: <see cref="Dictionary{TKey,TValue}"/> for mappings, <see cref="List{T}"/>
/// for sequences, <see cref="string"/> for scalars and <see cref="Tagged"/> for locally tagged nodes,
/// so tests read docker-compose and CloudFormation files alike without knowing their schemas.
/// </summary>
internal static class Yaml
{
    public static Dictionary<string, object?> LoadFile(string relativePath)
    {
        using var reader = new StringReader(RepoFiles.Read(relativePath));
        var stream = new YamlStream();
        // Compose files share settings through anchors and "<<" merge keys; the merging parser applies them.
        stream.Load(new MergingParser(new Parser(reader)));
        Assert.Single(stream.Documents);
        return Convert(stream.Documents[0].RootNode).Map();
    }

    private static object? Convert(YamlNode node)
    {
        object? value = node switch
        {
            YamlMappingNode mapping => mapping.Children.ToDictionary(
                pair => ((YamlScalarNode)pair.Key).Value ?? "",
                pair => Convert(pair.Value)),
            YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
            YamlScalarNode scalar => scalar.Value,
            _ => throw new NotSupportedException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
        };

        // Local tags keep their "!"; a lone "!" only marks a quoted scalar as a string.
        var tag = node.Tag;
        return !tag.IsEmpty && tag.Value.Length > 1 && tag.Value[0] == '!' ? new Tagged(tag.Value, value) : value;
    }
}

/// <summary>Typed access to loaded YAML and JSON-like trees that fails with the path that was wrong.</summary>
internal static class Tree
{
    public static Dictionary<string, object?> Map(this object? value) =>
        Assert.IsType<Dictionary<string, object?>>(value);

    public static List<object?> Seq(this object? value) =>
        Assert.IsType<List<object?>>(value);

    public static string Text(this object? value) =>
        Assert.IsType<string>(value);

    public static object? At(this object? value, params string[] path)
    {
        var current = value;
        foreach (var key in path)
        {
            var map = current.Map();
            Assert.True(map.TryGetValue(key, out current), $"'{key}' is missing (path {string.Join('.', path)}).");
        }

        return current;
    }

    public static bool Has(this object? value, string key) =>
        value is Dictionary<string, object?> map && map.ContainsKey(key);

    /// <summary>A value that may be written as one item or a list of items (IAM Action and Resource).</summary>
    public static List<object?> OneOrMany(this object? value) =>
        value is List<object?> list ? list : [value];

    public static Tagged Intrinsic(this object? value, string tag)
    {
        var tagged = Assert.IsType<Tagged>(value);
        Assert.Equal(tag, tagged.Tag);
        return tagged;
    }

    /// <summary>The name a <c>!Ref</c> points to.</summary>
    public static string RefName(this object? value) => value.Intrinsic("!Ref").Value.Text();
}
