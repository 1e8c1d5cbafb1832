namespace Api.Tests.Authorization;

/// <summary>
/// The expected status of every operation of the OpenAPI document for each caller. One row per
/// operation, keyed "METHOD /path" as the document names it; statuses in the order of
/// <see cref="Caller"/>: anonymous, buyer (owns the hold, booking or profile), other buyer, staff,
/// other organizer, owner (of the event), admin. A new endpoint needs a row here, or
/// <see cref="AuthorizationMatrixTests"/> fails naming it.
/// </summary>
public static class AuthorizationMatrix
{
    //                                                                   anon buyer other staff org  owner admin
    public static readonly Dictionary<string, Row> Rows = new(StringComparer.Ordinal)
    {
        ["POST /dev/token"] = new("200 200 200 200 200 200 200", Body: _ => new { userId = "someone" }),
        ["GET /track/open"] = new("200 200 200 200 200 200 200", Query: "?emailId=booking-none"),
        ["GET /track/status/{emailId}"] = new("404 404 404 404 404 404 404", Values: ctx => new() { ["emailId"] = "booking-none" }),

        ["POST /venues"] = new("401 403 403 403 201 201 201", Body: _ => ApiDriver.VenueBody(1, 4)),
        ["GET /venues/{venueId}"] = new("401 200 200 200 200 200 200"),
        // Organizers list their own venues, admins all of them.
        ["GET /venues"] = new("401 403 403 403 200 200 200"),

        ["POST /events"] = new("401 403 403 403 201 201 201", Body: _ => ApiDriver.EventBody(capacity: 10)),
        ["GET /events/{eventId}"] = new("401 200 200 200 200 200 200"),
        ["GET /events/slug/{slug}"] = new("401 200 200 200 200 200 200"),
        ["PUT /events/{eventId}"] = new("401 403 403 403 403 200 200", Setup: Setups.OwnEvent, Body: ctx => MatrixWorld.UpdateBody(ctx.OwnEvent!)),
        ["POST /events/{eventId}/publish"] = new("401 403 403 403 403 200 200", Setup: Setups.OwnEvent),
        ["POST /events/{eventId}/cancel"] = new("401 403 403 403 403 200 200", Setup: Setups.OwnEvent),
        ["GET /events/{eventId}/availability"] = new("401 200 200 200 200 200 200"),
        ["GET /events/{eventId}/seats"] = new("401 200 200 200 200 200 200"),
        ["GET /events/{eventId}/analytics"] = new("401 403 403 403 403 200 200"),
        ["DELETE /events/{eventId}"] = new("401 403 403 403 403 204 204", Setup: Setups.OwnEvent),

        // The catalogue: any signed-in user searches; an owner's listing is theirs and the admins'.
        ["GET /events"] = new("401 200 200 200 200 200 200", Query: "?q=concert&pageSize=5"),
        ["GET /events/suggest"] = new("401 200 200 200 200 200 200", Query: "?q=con"),
        ["GET /events/owner/{ownerId}"] = new("401 403 403 403 403 200 200", Values: ctx => new() { ["ownerId"] = ctx.World.Owner.Id }),
        ["GET /analytics/events"] = new("401 403 403 403 200 200 200"),

        // CRM attendees of the event: its owner (and admins) add and remove them.
        ["POST /events/{eventId}/attendees/{userId}"] = new("401 403 403 403 403 201 201", Setup: Setups.Profile),
        ["DELETE /events/{eventId}/attendees/{userId}"] = new("401 403 403 403 403 204 204", Setup: Setups.Profile),

        ["POST /events/{eventId}/holds"] = new("401 201 201 201 201 201 201", Body: _ => new { quantity = 1 }),
        ["GET /events/{eventId}/holds/{holdId}"] = new("401 200 403 403 403 403 200", Setup: Setups.Hold),
        ["POST /events/{eventId}/holds/{holdId}/extend"] = new("401 200 403 403 403 403 200", Setup: Setups.Hold, Body: _ => new { ttlSeconds = 120 }),
        ["DELETE /events/{eventId}/holds/{holdId}"] = new("401 204 403 403 403 403 204", Setup: Setups.Hold),
        ["POST /events/{eventId}/holds/{holdId}/confirm"] = new("401 201 403 403 403 403 201", Setup: Setups.Hold, Body: _ => new { }),

        // The event's owner sees and cancels bookings of their event; other organizers do not.
        ["GET /events/{eventId}/bookings/{bookingId}"] = new("401 200 403 403 403 200 200", Setup: Setups.Booking),
        ["POST /events/{eventId}/bookings/{bookingId}/cancel"] = new("401 200 403 403 403 200 200", Setup: Setups.Booking),

        // Tickets: the holder, the event's owner and admins; the key: the owner, door staff and admins.
        ["GET /events/{eventId}/bookings/{bookingId}/tickets"] = new("401 200 403 403 403 200 200", Setup: Setups.Booking),
        ["GET /events/{eventId}/bookings/{bookingId}/tickets/{ticketId}/qr"] = new("401 200 403 403 403 200 200", Setup: Setups.Ticket),
        ["GET /events/{eventId}/bookings/{bookingId}/tickets.pdf"] = new("401 200 403 403 403 200 200", Setup: Setups.Booking),
        ["GET /events/{eventId}/ticket-key"] = new("401 403 403 200 403 200 200"),

        // Check-in: door staff, the event's owner and admins; each request scans a fresh ticket.
        ["POST /events/{eventId}/check-ins"] = new("401 403 403 200 403 200 200", Setup: Setups.Ticket, Body: ctx => new { code = ctx.Values["code"], gate = "north" }),
        ["POST /events/{eventId}/check-ins/batch"] = new("401 403 403 200 403 200 200", Setup: Setups.Ticket, Body: ctx => new { scans = new[] { new { code = ctx.Values["code"], gate = "south", scannedAt = DateTimeOffset.UtcNow } } }),
        ["GET /events/{eventId}/check-ins/stats"] = new("401 403 403 200 403 200 200"),

        // The waiting list: anyone signed in joins a sold-out event's; only the buyer's own entry is theirs; the owner reads the counts.
        ["POST /events/{eventId}/waitlist"] = new("401 201 201 201 201 201 201", Setup: Setups.SoldOut, Body: _ => new { quantity = 1 }),
        ["GET /events/{eventId}/waitlist/me"] = new("401 200 404 404 404 404 404", Setup: Setups.Waiting),
        ["DELETE /events/{eventId}/waitlist/me"] = new("401 204 404 404 404 404 404", Setup: Setups.Waiting),
        ["GET /events/{eventId}/waitlist"] = new("401 403 403 403 403 200 200"),

        ["GET /users/me/bookings"] = new("401 200 200 200 200 200 200"),
        ["GET /users/{userId}/bookings"] = new("401 200 403 403 403 403 200"),
        ["GET /users"] = new("401 403 403 403 403 403 200"),
        ["POST /users"] = new("401 201 201 201 201 201 201", Body: ctx => MatrixWorld.ProfileBody(ctx.Caller.Id)),
        ["GET /users/filter"] = new("401 403 403 403 200 200 200", Query: "?city=Lisbon"),
        // Organizers read profiles; only the user and admins change them.
        ["GET /users/{userId}"] = new("401 200 403 403 200 200 200", Setup: Setups.Profile),
        ["PUT /users/{userId}"] = new("401 200 403 403 403 403 200", Setup: Setups.Profile, Body: _ => new { city = "Porto" }),
        ["GET /users/{userId}/events/hosted"] = new("401 200 403 403 200 200 200", Setup: Setups.Profile),
        ["GET /users/{userId}/email-stats"] = new("401 200 403 403 200 200 200", Setup: Setups.Profile),

        ["POST /emails/send"] = new("401 403 403 403 202 202 202", Body: ctx => new { userIds = new[] { ctx.Buyer.Id }, subject = "Hi", message = "See you there." }),
        ["POST /emails/send-filtered"] = new("401 403 403 403 202 202 202", Body: _ => new { subject = "Hi", message = "See you there.", city = "Nowhere-" + Guid.NewGuid().ToString("N") }),
        ["GET /emails/campaigns/{campaignId}"] = new("401 403 403 403 200 200 200"),
        ["GET /emails/stats"] = new("401 403 403 403 200 200 200"),

        ["GET /cluster"] = new("401 403 403 403 200 200 200"),
    };

    /// <summary>
    /// Operations of <see cref="Rows"/> again with a query that changes who may call them, keyed
    /// "METHOD /path?query" (route values in braces as in paths).
    /// </summary>
    public static readonly Dictionary<string, Row> Variants = new(StringComparer.Ordinal)
    {
        // A booking email's tickets link opens the PDF for whoever follows it, bearer token or not;
        // a token that is none is refused to everyone, whatever their bearer token would allow.
        ["GET /events/{eventId}/bookings/{bookingId}/tickets.pdf?access={access}"] = new("200 200 200 200 200 200 200", Setup: Setups.TicketsLink),
        ["GET /events/{eventId}/bookings/{bookingId}/tickets.pdf?access=none"] = new("400 400 400 400 400 400 400", Setup: Setups.Booking),
    };
}
