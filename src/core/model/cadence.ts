/**
 * Meeting cadence: how often a mentee and mentor agreed to meet (`cadence:` on a mentor
 * note). Accepts the named forms and free forms like "every 10 days" or "every 2 weeks".
 */
import { type LocalDate, plusDays, plusMonths } from './dates';

/** A parsed cadence: a number of days or of calendar months between meetings. */
export interface Cadence {
  /** The text as written, for messages. */
  readonly text: string;
  readonly unit: 'day' | 'month';
  readonly every: number;
}

const NAMED: Record<string, { unit: 'day' | 'month'; every: number }> = {
  daily: { unit: 'day', every: 1 },
  weekly: { unit: 'day', every: 7 },
  biweekly: { unit: 'day', every: 14 },
  fortnightly: { unit: 'day', every: 14 },
  'bi-weekly': { unit: 'day', every: 14 },
  monthly: { unit: 'month', every: 1 },
  bimonthly: { unit: 'month', every: 2 },
  quarterly: { unit: 'month', every: 3 },
};

const EVERY = /^every\s+(\d{1,3})\s*(day|week|month)s?$/;
const EVERY_ONE = /^every\s+(day|week|month)$/;

/** Parses a cadence, or returns undefined when the text is not one. */
export function parseCadence(text: string): Cadence | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const named = NAMED[t];
  if (named) return { text, ...named };
  const many = EVERY.exec(t);
  const one = many ? undefined : EVERY_ONE.exec(t);
  let n = many ? Number(many[1]) : 1;
  const unitWord = many?.[2] ?? one?.[1];
  if (!unitWord || n < 1) return undefined;
  if (unitWord === 'week') n *= 7;
  return { text, unit: unitWord === 'month' ? 'month' : 'day', every: n };
}

/** The date one cadence interval after `date`. */
export function nextByCadence(date: LocalDate, cadence: Cadence): LocalDate {
  return cadence.unit === 'day' ? plusDays(date, cadence.every) : plusMonths(date, cadence.every);
}
