/**
 * Recurring action items (`🔁 every week`), as Obsidian Tasks writes and reads them: when
 * one is marked done, the next occurrence is a new open line with its dates moved on, so
 * a note shared between both tools keeps recurring whichever one ticks it. The rule's
 * words are read by rrule's text parser (the one Obsidian Tasks uses).
 */
import { addMonths, addYears } from 'date-fns';
import { Frequency, RRule, type Options } from 'rrule';
import { daysBetween, fromDate, isLocalDate, plusDays, toDate, type LocalDate } from './dates';
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

const WHEN_DONE = /\s+when\s+done\s*$/i;

/** Reads a rule (`every week`, `every 2 months on the 1st`, `every weekday when done`), or undefined. */
export function parseRecurrence(text: string): Recurrence | undefined {
  const whenDone = WHEN_DONE.test(text);
  const words = text.replace(WHEN_DONE, '').trim();
  if (!/^every\b/i.test(words)) return undefined;
  let options: Partial<Options> | null;
  try {
    options = RRule.parseText(words);
  } catch {
    return undefined;
  }
  if (!options || options.freq === undefined) return undefined;
  const rule = options;
  const interval = rule.interval ?? 1;
  // "every month" from 31 January is 28 February, not 31 March (as Obsidian Tasks does):
  // a plain monthly or yearly rule moves by calendar months, kept within the month.
  const plain =
    rule.bymonthday === undefined && rule.byweekday === undefined && rule.bymonth === undefined;
  return {
    text,
    whenDone,
    next(date: LocalDate): LocalDate | undefined {
      if (plain && rule.freq === Frequency.MONTHLY)
        return fromDate(addMonths(toDate(date), interval));
      if (plain && rule.freq === Frequency.YEARLY)
        return fromDate(addYears(toDate(date), interval));
      // rrule works in UTC: noon of the date keeps every date on its own day.
      const start = new Date(`${date}T12:00:00Z`);
      const after = new RRule({ ...rule, dtstart: start }).after(start, false);
      return after ? after.toISOString().slice(0, 10) : undefined;
    },
  };
}

// A date signifier, an optional variation selector, spaces, then the date (as the parser reads them).
const DATE_FIELD = /(\s*)(📅|📆|🗓|✅|⏳|⌛|🛫|➕|❌)(\uFE0F?[ \t]*)(\d{4}-\d{2}-\d{2})/gu;
const ASCII_DUE = /(?<=^|\s)due:(\d{4}-\d{2}-\d{2})/g;

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
  const rest = line
    .slice(item.checkboxRange.end.character)
    .replace(DATE_FIELD, (_whole, space: string, sign: string, gap: string, date: string) => {
      if (sign === '✅' || sign === '❌') return '';
      if (sign === '➕') return `${space}${sign}${gap}${today}`;
      return `${space}${sign}${gap}${move(date)}`;
    })
    .replace(ASCII_DUE, (_whole, date: string) => `due:${move(date)}`);
  return { line: head + rest, ...(item.due && { due: move(item.due) }) };
}
