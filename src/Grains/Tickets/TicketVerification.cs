namespace Grains.Tickets;

/// <summary>The result of reading a ticket code: the ticket it carries, or why it was refused.</summary>
public abstract record TicketVerification
{
    private TicketVerification()
    {
    }

    public sealed record Valid(TicketPayload Ticket) : TicketVerification;

    public sealed record Invalid(TicketCodeProblem Problem, string Detail) : TicketVerification;
}
