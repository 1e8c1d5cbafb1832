using LoadTest.Cli;
using LoadTest.Scenarios;
using Spectre.Console;

var options = CommandLine.Parse(args, out var error);
if (options is null)
{
    if (error is not null) Console.Error.WriteLine($"error: {error}\n");
    (error is null ? Console.Out : Console.Error).WriteLine(CommandLine.Usage);
    return error is null ? 0 : 2;
}

// --quiet is for CI and logs: plain text, no colours or cursor movement.
var console = options.Quiet
    ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No })
    : AnsiConsole.Console;
if (Console.IsOutputRedirected) console.Profile.Width = Math.Max(console.Profile.Width, 120);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await new ScenarioRunner(options, console).RunAsync(cancellation.Token);
