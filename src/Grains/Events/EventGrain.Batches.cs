using Grains.Abstractions;

namespace Grains.Events;

public sealed partial class EventGrain
{
    Task<IReadOnlyList<Outcome<HoldView>>> IEventGrain.PlaceHolds(IReadOnlyList<PlaceHold> commands) =>
        DecideEach(commands, ((IEventGrain)this).PlaceHold);

    Task<IReadOnlyList<Outcome<HoldView>>> IEventGrain.ReleaseHolds(IReadOnlyList<HoldCommand> commands) =>
        DecideEach(commands, ((IEventGrain)this).ReleaseHold);

    // Each single-call path decides synchronously up to its first await, so starting them one
    // after another inside this turn decides the whole batch before any journal write completes:
    // one message and one group commit for the lot, and no other request decided in between.
    private async Task<IReadOnlyList<TResult>> DecideEach<TCommand, TResult>(IReadOnlyList<TCommand> commands, Func<TCommand, Task<TResult>> decide)
    {
        var decided = new Task<TResult>[commands.Count];
        using (_journal.DeferWrites())
        {
            for (var i = 0; i < decided.Length; i++) decided[i] = decide(commands[i]);
        }

        return await Task.WhenAll(decided);
    }
}
