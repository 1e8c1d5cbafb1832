namespace Grains.Tickets;

/// <summary>Why a tickets link does not open its booking's tickets.</summary>
public sealed record TicketsLinkRefusal(TicketsLinkProblem Problem, string Detail);
