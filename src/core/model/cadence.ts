/**
 * Meeting cadence: how often a mentee and mentor agreed to meet (`cadence:` on a mentor
 * note). Accepts the named forms and free forms like "every 10 days" or "every 2 weeks".
 */
import { dayOfWeek, type LocalDate, plusDays, plusMonths } from './dates';

/** A parsed cadence: a number of days or of calendar months between meetings. */
export interface Cadence {
  /** The text as written, for messages. */
  readonly text: string;
  readonly unit: 'day' | 'month';
  readonly every: number;
  /** The day of the week the meetings fall on (0 Sunday … 6 Saturday), when one is named. */
  readonly weekday?: number;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const NAMED: Record<string, { unit: 'day' | 'month'; every: number }> = {
  daily: { unit: 'day', every: 1 },
  weekly: { unit: 'day', every: 7 },
  biweekly: { unit: 'day', every: 14 },
  fortnightly: { unit: 'day', every: 14 },
  'bi-weekly': { unit: 'day', every: 14 },
  monthly: { unit: 'month', every: 1 },
  bimonthly: { unit: 'month', every: 2 },
  quarterly: { unit: 'month', every: 3 },
  // Twice a month, taken as every other week.
  'twice a month': { unit: 'day', every: 14 },
  semimonthly: { unit: 'day', every: 14 },
  'semi-monthly': { unit: 'day', every: 14 },
};

/** Agreements to meet with no fixed rhythm: no cadence, and nothing ever lapses. */
const NO_CADENCE = new Set([
  'as needed',
  'when needed',
  'ad hoc',
  'ad-hoc',
  'on demand',
  'flexible',
  'none',
  'no fixed cadence',
]);

/** True when `text` agrees to meet with no fixed rhythm (`as needed`, `ad hoc`). */
export function isNoCadence(text: string): boolean {
  return NO_CADENCE.has(text.trim().toLowerCase().replace(/\s+/g, ' '));
}

const EVERY = /^every\s+(\d{1,3})\s*(day|week|month)s?$/;
const EVERY_ONE = /^every\s+(day|week|month)$/;

/** Counts written as words: "every two weeks", "every other week". */
const NUMBER_WORDS: Record<string, string> = {
  other: '2',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
};
const WEEKDAY =
  /^every (?:(\d{1,2}) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/;
const NUMBER_WORD = /^every (other|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) /;

/** Parses a cadence, or returns undefined when the text is not one. */
export function parseCadence(text: string): Cadence | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(NUMBER_WORD, (_m, word: string) => `every ${NUMBER_WORDS[word]} `);
  const named = NAMED[t];
  if (named) return { text, ...named };
  // "every Tuesday", "every other Saturday": weekly, or every so many weeks.
  const weekday = WEEKDAY.exec(t);
  if (weekday) {
    const weeks = Number(weekday[1] ?? 1);
    return weeks >= 1
      ? { text, unit: 'day', every: 7 * weeks, weekday: WEEKDAYS.indexOf(weekday[2]!) }
      : undefined;
  }
  const many = EVERY.exec(t);
  const one = many ? undefined : EVERY_ONE.exec(t);
  let n = many ? Number(many[1]) : 1;
  const unitWord = many?.[2] ?? one?.[1];
  if (!unitWord || n < 1) return undefined;
  if (unitWord === 'week') n *= 7;
  return { text, unit: unitWord === 'month' ? 'month' : 'day', every: n };
}

/**
 * The date one cadence interval after `date`; on the cadence's weekday when it names one
 * (the one nearest the interval: a Monday meeting on an "every other Tuesday" cadence is
 * followed by the Tuesday two weeks later, not a Monday).
 */
export function nextByCadence(date: LocalDate, cadence: Cadence): LocalDate {
  const next =
    cadence.unit === 'day' ? plusDays(date, cadence.every) : plusMonths(date, cadence.every);
  if (cadence.weekday === undefined) return next;
  // From -3 to +3 days: the nearest day with that weekday.
  const shift = ((cadence.weekday - dayOfWeek(next) + 10) % 7) - 3;
  return plusDays(next, shift);
}
