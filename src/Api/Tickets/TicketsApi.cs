using System.ComponentModel;
using System.Security.Claims;
using Api.Auth;
using Api.Problems;
using Grains.Abstractions;
using Grains.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Tickets;

/// <summary>
/// A booking's tickets, their QR images and PDF, and the key scanners verify codes with. The
/// event grain signs the codes; QR images and PDFs are drawn here, off the grain's single thread.
/// The PDF also opens from a booking email's tickets link, which carries an access token the event
/// signed instead of a bearer token (a mail client has none).
/// </summary>
public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events/{eventId}").WithTags("Tickets");
        group.MapGet("/bookings/{bookingId}/tickets", GetTickets).WithName("GetTickets");
        group.MapGet("/bookings/{bookingId}/tickets/{ticketId}/qr", GetTicketQr)
            .Produces(StatusCodes.Status200OK, contentType: "image/png").WithName("GetTicketQr");
        // Anonymous at the door: the handler asks for a bearer token itself unless the request carries a link's token.
        group.MapGet("/bookings/{bookingId}/tickets.pdf", GetTicketsPdf).AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithName("GetTicketsPdf");
        group.MapGet("/ticket-key", GetTicketKey).WithName("GetTicketKey");
        return group;
    }

    internal static async Task<Results<Ok<BookingTicketList>, ProblemHttpResult>> GetTickets(string eventId, string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var outcome = await ReadAsync(eventId, bookingId, user, grains);
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTicketQr(
        string eventId, string bookingId, string ticketId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var outcome = await ReadAsync(eventId, bookingId, user, grains);
        if (outcome.Failure is { } failure) return failure.ToProblem();
        var ticket = outcome.Value!.Items.FirstOrDefault(t => t.TicketId == ticketId);
        if (ticket is null) return ApiProblems.NotFound("Ticket not found", $"Booking {bookingId} has no ticket '{ticketId}'.");
        if (ticket.Status == TicketStatuses.Cancelled) return Cancelled(bookingId);
        return TypedResults.File(TicketQr.Png(ticket.Code), "image/png", $"{ticketId}.png");
    }

    /// <summary>
    /// The holder, the event's owner or an admin with a bearer token; or anyone with the booking's
    /// tickets link (<paramref name="access"/>): 400 for a malformed token, 403 naming the problem for
    /// an altered one or one of another booking or event. 410 once the booking is cancelled, however
    /// it is asked for. Without either, 401 as everywhere else.
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult, ChallengeHttpResult>> GetTicketsPdf(
        string eventId, string bookingId, [Description("The access token of the booking's tickets link, as booking emails carry it; replaces the bearer token.")] string? access,
        ClaimsPrincipal user, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        Outcome<BookingTicketList> outcome;
        if (access is not null)
        {
            // The address itself opens the tickets: no shared cache may keep a copy of what it served.
            http.Response.Headers.CacheControl = "no-store";
            var command = new TicketsLinkCommand { BookingId = bookingId, Access = access };
            outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetTicketsByLink(command));
        }
        else if (user.Identity?.IsAuthenticated == true)
        {
            outcome = await ReadAsync(eventId, bookingId, user, grains);
        }
        else
        {
            return TypedResults.Challenge();
        }

        if (outcome.Failure is { } failure) return failure.ToProblem();
        var list = outcome.Value!;
        if (list.Items.All(t => t.Status == TicketStatuses.Cancelled)) return Cancelled(bookingId);
        var holder = await grains.GetGrain<IUserGrain>(list.HolderId).Get();
        var holderName = holder is null ? list.HolderId : $"{holder.FirstName} {holder.LastName}".Trim();
        var document = new TicketDocument(
            list.EventTitle,
            list.StartAt,
            list.BookingId,
            [.. list.Items.Select(t => new PrintedTicket(t.TicketId, t.SeatId is null ? null : SeatLabels.Describe(t.SeatId), holderName, t.Code))]);
        return TypedResults.File(TicketPdf.Render(document, time.GetUtcNow()), "application/pdf", $"tickets-{list.BookingId}.pdf");
    }

    internal static async Task<Results<Ok<TicketKeyView>, ProblemHttpResult>> GetTicketKey(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new EventCommand { Caller = user.ToCaller() };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetTicketKey(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    // The list still shows a cancelled booking's tickets with their status; a printable form of
    // them (a PDF, a QR image) would look valid at a glance, so none is served.
    private static ProblemHttpResult Cancelled(string bookingId) =>
        Failure.Gone("Booking cancelled", $"Booking {bookingId} was cancelled; its tickets are no longer valid.").ToProblem();

    private static Task<Outcome<BookingTicketList>> ReadAsync(string eventId, string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new BookingCommand { Caller = user.ToCaller(), BookingId = bookingId };
        return GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetTickets(command));
    }
}
