using System.Text.Json.Serialization;

namespace Grains.Events.Journal;

/// <summary>
/// A decision of the event grain as it is journaled. The state is the fold of these changes;
/// replaying them in order rebuilds it exactly. Seats are dense seat indexes, not ids, to keep
/// journal entries small.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$t")]
[JsonDerivedType(typeof(EventCreated), "created")]
[JsonDerivedType(typeof(EventUpdated), "updated")]
[JsonDerivedType(typeof(EventPublished), "published")]
[JsonDerivedType(typeof(EventCancelled), "cancelled")]
[JsonDerivedType(typeof(HoldPlaced), "hold")]
[JsonDerivedType(typeof(HoldExtended), "extend")]
[JsonDerivedType(typeof(HoldReleased), "release")]
[JsonDerivedType(typeof(HoldExpired), "expire")]
[JsonDerivedType(typeof(BookingConfirmed), "confirm")]
[JsonDerivedType(typeof(BookingCancelled), "cancelBooking")]
[JsonDerivedType(typeof(OutboxDelivered), "delivered")]
[JsonDerivedType(typeof(BookingRemindersQueued), "remindersQueued")]
[JsonDerivedType(typeof(EventDeleted), "deleted")]
[JsonDerivedType(typeof(AttendeeAdded), "attendeeAdded")]
[JsonDerivedType(typeof(AttendeeRemoved), "attendeeRemoved")]
[JsonDerivedType(typeof(TicketKeyIssued), "ticketKey")]
[JsonDerivedType(typeof(TicketCheckedIn), "checkIn")]
[JsonDerivedType(typeof(TicketScansUploaded), "scansUploaded")]
[JsonDerivedType(typeof(WaitlistJoined), "waitlistJoined")]
[JsonDerivedType(typeof(WaitlistLeft), "waitlistLeft")]
public abstract record EventChange;
