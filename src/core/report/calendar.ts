/**
 * The next meeting with a mentor as an iCalendar (`.ics`) file, to import into any
 * calendar. Only the date is known (notes write `next: 2026-12-05`), so it is an all-day
 * event. Its UID names the meeting (the one after the last session held) and its
 * SEQUENCE grows with each export, so exporting again after the date moved updates the
 * event rather than adding a second one.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { LocalDate } from '../model/dates';
import type { Notebook } from '../index/noteIndex';
import { plural } from '../model/words';
import { mentorName, mentorSchedule } from '../rules/schedule';
import { planNextMeeting, safeFileName } from '../prepare/nextMeeting';

/** The next meeting with a mentor, ready to save, or why there is none to export. */
export type MeetingExport =
  | {
      readonly ok: true;
      readonly date: LocalDate;
      readonly source: 'planned' | 'agreed' | 'cadence';
      /** A file name for it: `2026-12-05-alex-rivera.ics`. */
      readonly fileName: string;
      readonly ics: string;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * The next meeting with `mentorId` as of `today`: a prepared session's date, else the
 * agreed `next:`, else the date the cadence gives. `stamp` is when the file is made (the
 * calendar's DTSTAMP).
 */
export function nextMeetingCalendar(
  notebook: Notebook,
  mentorId: string,
  today: LocalDate,
  stamp: Date,
): MeetingExport {
  const name = mentorName(notebook, mentorId);
  const schedule = mentorSchedule(notebook, mentorId, today);
  const next = schedule.next;
  if (!next)
    return {
      ok: false,
      reason: `No next meeting with ${name} is known: write next: in the last session's front matter, or a cadence in the mentor note.`,
    };
  if (next.date < today)
    return {
      ok: false,
      reason: `The next meeting with ${name} was due ${next.date} and has passed: agree a new date and write it in next:.`,
    };

  // What the agenda for that meeting lists, so the two never disagree.
  const plan = planNextMeeting(notebook, mentorId, today, { date: next.date });
  const goals = plan.goals.map((g) => g.goal);
  const open = plan.followUps.length;
  const why = { planned: 'prepared session', agreed: 'agreed date', cadence: 'cadence' }[
    next.source
  ];
  const description = [
    `Mentoring session with ${name} (${why}).`,
    goals.length ? `Goals: ${goals.map((g) => g.title ?? g.id).join('; ')}.` : '',
    `Open follow-ups: ${open ? plural(open, 'item') : 'none'}.`,
  ]
    .filter(Boolean)
    .join('\n');

  const calendar = ical({
    prodId: { company: 'mentoring-notes', product: 'mentoring-notes', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    // One meeting, one id: the meeting after the last one held. Moving its date and
    // exporting again updates the event (a higher SEQUENCE); the meeting after that,
    // once this one is logged, is a new event.
    id: `mentoring-${encodeURIComponent(mentorId) || 'session'}-after-${schedule.lastHeld?.date?.value ?? 'start'}@mentoring-notes`,
    sequence: Math.floor(stamp.getTime() / 60_000),
    stamp,
    // All-day events are written from the date's UTC fields: midnight UTC is that date.
    start: new Date(`${next.date}T00:00:00Z`),
    allDay: true,
    summary: `Mentoring: ${name}`,
    description,
  });
  return {
    ok: true,
    date: next.date,
    source: next.source,
    fileName: `${next.date}-${safeFileName(mentorId) || 'mentoring'}.ics`,
    // Every line of an iCalendar file ends in CRLF, the last one too.
    ics: `${calendar.toString().replace(/\r\n$/, '')}\r\n`,
  };
}
