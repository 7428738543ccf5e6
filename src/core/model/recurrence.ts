/**
 * Recurring action items (`🔁 every week`), as Obsidian Tasks writes and reads them: when
 * one is marked done, the next occurrence is a new open line with its dates moved on, so
 * a note shared between both tools keeps recurring whichever one ticks it. The rule's
 * words are read by rrule's text parser (the one Obsidian Tasks uses).
 */
import { addMonths, addYears } from 'date-fns';
import { Frequency, RRule, type Options } from 'rrule';
import { daysBetween, fromDate, isLocalDate, plusDays, toDate, type LocalDate } from './dates';
import { blankCodeSpans, blockIdStart, DATE_SIGNIFIERS, DATE_SIGNS } from './actionItems';
import type { ActionItem } from './types';

/** A recurrence rule as read from `🔁 …`. */
export interface Recurrence {
  /** The rule as written. */
  readonly text: string;
  /** `when done`: the next occurrence counts from the day it was done, not from its dates. */
  readonly whenDone: boolean;
  /** The first occurrence after `date`. */
  next(date: LocalDate): LocalDate | undefined;
}

// Matched against trimmed text: no run of spaces for the pattern to try again and again.
const WHEN_DONE = /(?:^|\s)when\s+done$/i;

/** Reads a rule (`every week`, `every 2 months on the 1st`, `every weekday when done`), or undefined. */
export function parseRecurrence(text: string): Recurrence | undefined {
  const trimmed = text.trim();
  const whenDone = WHEN_DONE.test(trimmed);
  const words = trimmed.replace(WHEN_DONE, '').trim();
  if (!/^every\b/i.test(words)) return undefined;
  let options: Partial<Options> | null;
  try {
    options = RRule.parseText(words);
  } catch {
    return undefined;
  }
  // Notes hold dates, not times: a rule finer than a day ("every hour") cannot move one.
  if (!options || options.freq === undefined || options.freq > Frequency.DAILY) return undefined;
  const rule = { ...options };
  // rrule reads "until December 1, 2026" as that day's local midnight; the rule runs
  // through the whole day, wherever the editor is.
  if (rule.until)
    rule.until = new Date(
      Date.UTC(rule.until.getFullYear(), rule.until.getMonth(), rule.until.getDate(), 23, 59, 59),
    );
  const interval = rule.interval ?? 1;
  // "every month" from 31 January is 28 February, not 31 March (as Obsidian Tasks does):
  // a plain monthly or yearly rule moves by calendar months, kept within the month.
  const plain =
    rule.bymonthday === undefined && rule.byweekday === undefined && rule.bymonth === undefined;
  return {
    text,
    whenDone,
    next(date: LocalDate): LocalDate | undefined {
      try {
        let next: string | undefined;
        if (plain && rule.freq === Frequency.MONTHLY)
          next = fromDate(addMonths(toDate(date), interval));
        else if (plain && rule.freq === Frequency.YEARLY)
          next = fromDate(addYears(toDate(date), interval));
        else {
          // rrule works in UTC: from noon of the date, the first occurrence after the
          // date's last second (a rule with an hour in it falls on the next day).
          const start = new Date(`${date}T12:00:00Z`);
          const after = new RRule({ ...rule, dtstart: start }).after(
            new Date(`${date}T23:59:59Z`),
            false,
          );
          next = after?.toISOString().slice(0, 10);
        }
        // "every 10000 years" runs off the calendar notes can hold.
        return next !== undefined && isLocalDate(next) && next > date ? next : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

// A date signifier, an optional variation selector, spaces, then the date (as the parser
// reads them). No pattern here starts with a run of blanks: on a long one (the blanked
// inside of a code span) that would be tried from each of its positions.
const DATE_FIELD = new RegExp(`(${DATE_SIGNS})(\\uFE0F?[ \\t]*)(\\d{4}-\\d{2}-\\d{2})`, 'gu');
const ASCII_DUE = /(?<=^|\s)due:(\d{4}-\d{2}-\d{2})/g;
const WHITESPACE = /\s/;

/**
 * The line of the next occurrence of the recurring `item` written as `line`, marked done
 * on `today`; undefined when the item does not recur (or its rule cannot be read). The
 * due, scheduled and start dates move by the rule from the first of them written (from
 * `today` for `when done`); the done and cancelled dates go, a created date becomes today.
 */
export function nextOccurrence(
  item: ActionItem,
  line: string,
  today: LocalDate,
): { readonly line: string; readonly due?: LocalDate } | undefined {
  if (!item.recurrence) return undefined;
  const rule = parseRecurrence(item.recurrence);
  if (!rule) return undefined;
  // The first date written is the one the rule moves on (from the day it was done, for
  // `when done`); the others keep their distance to it.
  const reference = item.due ?? item.scheduled ?? item.start;
  let shift = 0;
  if (reference !== undefined) {
    const next = rule.next(rule.whenDone ? today : reference);
    if (next === undefined) return undefined;
    shift = daysBetween(reference, next);
  }
  const move = (date: string): string => (isLocalDate(date) ? plusDays(date, shift) : date);
  const at = item.checkboxRange.start.character;
  const head = `${line.slice(0, at)}[ ]`;
  // A block id names this line: the new one gets none (links keep to the done one).
  const after = line.slice(item.checkboxRange.end.character);
  const id = blockIdStart(after);
  const rest = id < 0 ? after : after.slice(0, id);
  // Dates are rewritten where the parser reads them: not inside inline code, whose
  // words stay as written.
  const blanked = blankCodeSpans(rest);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const m of blanked.matchAll(DATE_FIELD)) {
    const [whole, sign, gap, date] = m as unknown as [string, string, string, string];
    const field = DATE_SIGNIFIERS[sign];
    const end = m.index + whole.length;
    if (field === 'done' || field === 'cancelled') {
      // Gone, with the blanks before it.
      let start = m.index;
      while (start > 0 && WHITESPACE.test(rest[start - 1]!)) start--;
      edits.push({ start, end, text: '' });
    } else
      edits.push({
        start: m.index,
        end,
        text: `${sign}${gap}${field === 'created' ? today : move(date)}`,
      });
  }
  for (const m of blanked.matchAll(ASCII_DUE))
    edits.push({ start: m.index, end: m.index + m[0].length, text: `due:${move(m[1]!)}` });
  edits.sort((a, b) => a.start - b.start);
  let moved = '';
  let pos = 0;
  for (const edit of edits) {
    if (edit.start < pos) continue;
    moved += rest.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  moved += rest.slice(pos);
  return { line: head + moved, ...(item.due && { due: move(item.due) }) };
}
