/**
 * Calendar dates. A {@link LocalDate} is a plain `YYYY-MM-DD` string in the user's local
 * calendar: it sorts and compares as text, serialises as itself, and never drifts across
 * time zones. Arithmetic goes through date-fns on local `Date` values.
 */
import { addDays, addMonths, format, getDay } from 'date-fns';
import { clipText } from './words';

/** A calendar date written `YYYY-MM-DD`. */
export type LocalDate = string;

/** The source of "today". Time-dependent logic takes a clock so tests can pin the date. */
export interface Clock {
  /** Today's date in the user's local calendar. */
  today(): LocalDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a date string was rejected, or undefined when it is a real calendar date. */
export function dateProblem(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return `"${clipText(text, 40)}" is not a date; write it as YYYY-MM-DD`;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12) return `${text} has no month ${mo}`;
  if (d < 1 || d > daysInMonth(y, mo)) {
    return `${text} is not a real date: ${monthName(mo)} ${y} has no day ${d}`;
  }
  return undefined;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `text` is a real calendar date in `YYYY-MM-DD` form. */
export function isLocalDate(text: string): text is LocalDate {
  return dateProblem(text) === undefined;
}

/** The local `Date` (midnight) for a valid {@link LocalDate}. */
export function toDate(date: LocalDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // `new Date(y, …)` reads years 0–99 as 1900–1999; setting the full year does not.
  const local = new Date(2000, m - 1, d);
  local.setFullYear(y, m - 1, d);
  return local;
}

/** The {@link LocalDate} of a `Date`, read in local time. */
export function fromDate(date: Date): LocalDate {
  return format(date, 'yyyy-MM-dd');
}

/** `date` moved by `days` calendar days (negative moves back). */
export function plusDays(date: LocalDate, days: number): LocalDate {
  return fromDate(addDays(toDate(date), days));
}

/** `date` moved by `months` calendar months, clamped to the month's last day. */
export function plusMonths(date: LocalDate, months: number): LocalDate {
  return fromDate(addMonths(toDate(date), months));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  // Calendar days are plain arithmetic on the civil date: no Date, no time zone. (The rules
  // call this for every open item; date-fns gives the same answer several times slower.)
  return dayNumber(to) - dayNumber(from);
}

/** Days from 1970-01-01 to a `YYYY-MM-DD` date in the proleptic Gregorian calendar. */
function dayNumber(date: LocalDate): number {
  // From the end: past 9999 the year has more than four digits.
  const y0 = Number(date.slice(0, -6));
  const m = Number(date.slice(-5, -3));
  const d = Number(date.slice(-2));
  // The year counted from March, so the leap day is the year's last day.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return getDay(toDate(date));
}

/** The first day of the week containing `date`, for a week starting on `weekStart` (0 = Sunday). */
export function startOfWeek(date: LocalDate, weekStart: number): LocalDate {
  const back = (dayOfWeek(date) - weekStart + 7) % 7;
  return plusDays(date, -back);
}

/** A clock that reads the system's local date each time it is asked. */
export const systemClock: Clock = { today: () => fromDate(new Date()) };

/** A clock pinned to one date (tests, `--today`). */
export function fixedClock(today: LocalDate): Clock {
  return { today: () => today };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthName(month: number): string {
  return MONTHS[month - 1] ?? `month ${month}`;
}
