import { strict as assert } from 'node:assert';
import { differenceInCalendarDays } from 'date-fns';
import fc from 'fast-check';
import {
  dateProblem,
  daysBetween,
  fromDate,
  isLocalDate,
  isNoCadence,
  nextByCadence,
  parseCadence,
  parseText,
  type Mentor,
  plusDays,
  plusMonths,
  startOfWeek,
  toDate,
} from '../../src/core';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    assert.equal(isLocalDate('2026-11-21'), true);
    assert.equal(isLocalDate('2028-02-29'), true);
    assert.match(dateProblem('2026-02-30')!, /February 2026 has no day 30/);
    assert.match(dateProblem('2026-13-01')!, /no month 13/);
    assert.match(dateProblem('2026-00-10')!, /no month 0/);
    assert.match(dateProblem('2026-11-00')!, /no day 0/);
    assert.match(dateProblem('21/11/2026')!, /YYYY-MM-DD/);
    assert.match(dateProblem('2026-1-5')!, /YYYY-MM-DD/);
    assert.match(dateProblem('')!, /YYYY-MM-DD/);
  });

  it('does calendar arithmetic across month, year and DST boundaries', () => {
    assert.equal(plusDays('2026-12-31', 1), '2027-01-01');
    assert.equal(plusDays('2026-03-01', -1), '2026-02-28');
    assert.equal(plusDays('2026-03-28', 7), '2026-04-04');
    assert.equal(plusDays('2026-10-24', 7), '2026-10-31');
    assert.equal(plusMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(daysBetween('2026-11-10', '2026-11-21'), 11);
    assert.equal(daysBetween('2026-11-21', '2026-11-10'), -11);
    assert.equal(daysBetween('2026-03-01', '2026-04-01'), 31);
    assert.equal(daysBetween('0026-01-01', '0026-01-31'), 30);
    assert.equal(plusDays('0099-12-31', 1), '0100-01-01');
  });

  it('counts calendar days as date-fns does, for any two dates (property)', () => {
    const date = fc
      .date({ min: new Date(1, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true })
      .map((d) => fromDate(d));
    fc.assert(
      fc.property(date, date, (a, b) => {
        assert.equal(daysBetween(a, b), differenceInCalendarDays(toDate(b), toDate(a)));
      }),
      { seed: 11, numRuns: 2000 },
    );
    // Leap days, the Gregorian century rule, and both DST changes of the local zone.
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('1900-02-28', '1900-03-01'), 1);
    assert.equal(daysBetween('2000-02-28', '2000-03-01'), 2);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2);
    assert.equal(daysBetween('1970-01-01', '2026-11-21'), 20778);
    // Past 9999 a date has a longer year, as date arithmetic writes it.
    assert.equal(plusDays('9999-12-31', 5), '10000-01-05');
    assert.equal(daysBetween('9999-12-31', '10000-01-05'), 5);
  });

  it('finds the start of the week for any week start', () => {
    // 2026-11-21 is a Saturday.
    assert.equal(startOfWeek('2026-11-21', 1), '2026-11-16');
    assert.equal(startOfWeek('2026-11-21', 0), '2026-11-15');
    assert.equal(startOfWeek('2026-11-21', 6), '2026-11-21');
  });
});

describe('cadence', () => {
  it('reads named and free-form cadences', () => {
    assert.deepEqual(parseCadence('weekly'), { text: 'weekly', unit: 'day', every: 7 });
    assert.deepEqual(parseCadence('Biweekly'), { text: 'Biweekly', unit: 'day', every: 14 });
    assert.deepEqual(parseCadence('monthly'), { text: 'monthly', unit: 'month', every: 1 });
    assert.deepEqual(parseCadence('every 10 days'), {
      text: 'every 10 days',
      unit: 'day',
      every: 10,
    });
    assert.deepEqual(parseCadence('every 3 weeks'), {
      text: 'every 3 weeks',
      unit: 'day',
      every: 21,
    });
    assert.deepEqual(parseCadence('every 2 months'), {
      text: 'every 2 months',
      unit: 'month',
      every: 2,
    });
    assert.deepEqual(parseCadence('every week'), { text: 'every week', unit: 'day', every: 7 });
  });

  it('reads cadences as people say them: counts in words, weekdays', () => {
    const every = (t: string) => {
      const c = parseCadence(t);
      return c && `${c.every} ${c.unit}`;
    };
    assert.equal(every('every other week'), '14 day');
    assert.equal(every('Every Two Weeks'), '14 day');
    assert.equal(every('every other month'), '2 month');
    assert.equal(every('every three days'), '3 day');
    assert.equal(every('every Tuesday'), '7 day');
    assert.equal(every('every other Saturday'), '14 day');
    assert.equal(every('every 3 fridays'), '21 day');
    assert.equal(every('every other'), undefined);
    assert.equal(every('every 0 mondays'), undefined);
  });

  it('rejects what is not a cadence', () => {
    for (const t of [
      'sometimes',
      'every 0 days',
      'every -1 days',
      '',
      'every days',
      'every 1000 days',
    ]) {
      assert.equal(parseCadence(t), undefined, t);
    }
  });

  it('computes the next date by cadence', () => {
    const every = (t: string) => {
      const c = parseCadence(t);
      return c && `${c.every} ${c.unit}`;
    };
    assert.equal(nextByCadence('2026-11-14', parseCadence('biweekly')!), '2026-11-28');
    assert.equal(nextByCadence('2026-01-31', parseCadence('monthly')!), '2026-02-28');
    assert.equal(every('twice a month'), '14 day');
  });

  it('keeps a weekday cadence on its weekday, whatever day the last meeting fell on', () => {
    const tuesdays = parseCadence('every other Tuesday')!;
    // 2026-06-01 is a Monday: two weeks on, the Tuesday, not a Monday.
    assert.equal(nextByCadence('2026-06-01', tuesdays), '2026-06-16');
    assert.equal(nextByCadence('2026-06-02', tuesdays), '2026-06-16');
    // Met on a Saturday instead: the Tuesday nearest two weeks on.
    assert.equal(nextByCadence('2026-06-06', tuesdays), '2026-06-23');
    assert.equal(nextByCadence('2026-11-20', parseCadence('every Friday')!), '2026-11-27');
  });

  it('reads "as needed" as no fixed rhythm, not as an error', () => {
    for (const t of ['as needed', 'Ad hoc', 'on demand', 'none']) assert.ok(isNoCadence(t), t);
    assert.equal(isNoCadence('weekly'), false);
    const mentor = parseText('m.md', '---\ntype: mentor\nid: sam\ncadence: as needed\n---\n');
    assert.deepEqual(mentor.problems, []);
    assert.equal((mentor.note as Mentor).cadence, undefined);
  });
});
