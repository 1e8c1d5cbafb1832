using Grains.Abstractions;
using Grains.Events.Journal;

namespace Grains.Events;

/// <summary>
/// CRM attendees (no seat) and deleting an event. Each decision is journaled first; the users'
/// counters follow through the outbox, keyed by the event's outbox number so that a redelivery or
/// a repeated request never counts twice.
/// </summary>
public sealed partial class EventGrain
{
    async Task<Outcome<EventAttendee>> IEventGrain.AddAttendee(AttendeeCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsOrganizer(command.Caller)) return Failure.Forbidden("Only the event's owner or an admin may register attendees.");
        var attendee = new EventAttendee { EventId = EventId, UserId = command.UserId };
        if (_state.Attendees.Contains(command.UserId))
        {
            await _journal.WhenDurable();
            return Outcome<EventAttendee>.Ok(attendee);
        }

        await Emit(new AttendeeAdded(command.UserId, TimeProvider.GetUtcNow()));
        return Outcome<EventAttendee>.Ok(attendee, created: true);
    }

    async Task<Outcome<EventAttendee>> IEventGrain.RemoveAttendee(AttendeeCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsOrganizer(command.Caller)) return Failure.Forbidden("Only the event's owner or an admin may remove attendees.");
        var attendee = new EventAttendee { EventId = EventId, UserId = command.UserId };
        if (!_state.Attendees.Contains(command.UserId))
        {
            await _journal.WhenDurable();
            return Outcome<EventAttendee>.Ok(attendee);
        }

        await Emit(new AttendeeRemoved(command.UserId, TimeProvider.GetUtcNow()));
        return Outcome<EventAttendee>.Ok(attendee, created: true);
    }

    async Task<Outcome<bool>> IEventGrain.Delete(EventCommand command)
    {
        if (_state.Definition is null) return NotFound();
        if (!IsOrganizer(command.Caller)) return Failure.Forbidden("Only the event's owner or an admin may delete it.");
        if (!_state.IsDeleted)
        {
            if (_state.Bookings.Count > 0) return Failure.Conflict("Event has bookings", $"Event {EventId} has {_state.Bookings.Count} bookings; cancel the event instead.");
            await Emit(new EventDeleted(TimeProvider.GetUtcNow()));
        }

        // Repeated too: the first attempt may have failed after its journal write.
        await CatalogueAsync();
        await GrainFactory.GetGrain<ISlugGrain>(_state.Definition.Slug).Release(EventId);
        return Outcome<bool>.Ok(true);
    }
}
