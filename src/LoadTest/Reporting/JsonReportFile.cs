using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace LoadTest.Reporting;

/// <summary>Writes a run's machine-readable report; a path that cannot be written is reported, not fatal.</summary>
internal static class JsonReportFile
{
    public static async Task WriteAsync<T>(string path, T report, JsonTypeInfo<T> typeInfo, IAnsiConsole console)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            await using var stream = File.Create(path);
            await JsonSerializer.SerializeAsync(stream, report, typeInfo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]could not write {Markup.Escape(path)}:[/] {Markup.Escape(e.Message)}");
        }
    }
}
