package fr.communs.comite.convocation;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.ParticipationLevel;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import fr.communs.base.Mailer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;

/**
 * The iCalendar (RFC 5545, iTIP RFC 5546) invitation attached to a convocation, written with biweekly: one VEVENT
 * whose UID is stable for a séance and a recipient (a member, or a file's groupement), with SEQUENCE raised at each
 * update; {@code METHOD:REQUEST} for a convocation or an update, {@code METHOD:CANCEL} (and {@code STATUS:CANCELLED})
 * for a cancellation. Times are written in UTC ({@code DTSTART:20270112T130000Z} for 14:00 in Paris in winter): exact
 * for every calendar, with no VTIMEZONE to ship; calendars show them in their user's zone.
 */
record Invitation(String uid, int sequence, boolean cancel, OffsetDateTime debut, OffsetDateTime fin, String summary,
                  String location, String url, String description, String organizerName, String organizerEmail,
                  String attendeeName, String attendeeEmail) {

    static final String PRODUCT_ID = "-//Appel a communs//Convocations du comite//FR";

    /** The calendar text (CRLF lines, folded at 75 octets). */
    String ics() {
        ICalendar ical = new ICalendar();
        ical.setVersion(ICalVersion.V2_0);
        ical.setProductId(PRODUCT_ID);
        ical.setMethod(cancel ? Method.cancel() : Method.request());
        VEvent event = new VEvent();
        event.setUid(uid);
        event.setSequence(sequence);
        event.setDateTimeStamp(new Date());
        event.setDateStart(Date.from(debut.toInstant()), true);
        event.setDateEnd(Date.from(fin.toInstant()), true);
        event.setSummary(summary);
        if (location != null) {
            event.setLocation(location);
        }
        if (url != null) {
            event.setUrl(url);
        }
        event.setDescription(description);
        event.setStatus(cancel ? Status.cancelled() : Status.confirmed());
        Organizer organizer = new Organizer(organizerName, organizerEmail);
        event.setOrganizer(organizer);
        Attendee attendee = new Attendee(attendeeName, attendeeEmail);
        attendee.setParticipationLevel(ParticipationLevel.REQUIRED);
        attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
        attendee.setRsvp(false);
        event.addAttendee(attendee);
        ical.addEvent(event);
        return Biweekly.write(ical).go();
    }

    /** The attachment: {@code convocation.ics} or {@code annulation.ics}, {@code text/calendar} with its method. */
    Mailer.Attachment attachment() {
        return new Mailer.Attachment(cancel ? "annulation.ics" : "convocation.ics",
                "text/calendar; method=" + (cancel ? "CANCEL" : "REQUEST") + "; charset=UTF-8",
                ics().getBytes(StandardCharsets.UTF_8));
    }
}
