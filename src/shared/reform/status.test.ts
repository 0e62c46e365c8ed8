import { describe, expect, it } from 'vitest';
import { computeTaskStatus, expectedPercent, type StatusInput } from './status.js';
import { openPeriods, parsePeriodKey, periodOf } from './periods.js';

const base: StatusInput = {
  startOn: '2026-01-01',
  deadline: '2026-12-31',
  completedOn: null,
  officialDoneOn: null,
  officialPercent: 80,
  lastOfficialReportOn: '2026-11-20',
  milestones: [],
};

describe('computeTaskStatus', () => {
  it('a deadline of today is not overdue; the day after is', () => {
    const t = { ...base, lastOfficialReportOn: '2026-12-20', officialPercent: 95 };
    expect(computeTaskStatus(t, '2026-12-31').status).toBe('on_track');
    expect(computeTaskStatus(t, '2027-01-01').status).toBe('overdue');
  });

  it('a missed milestone puts the task at risk from the day after its due date', () => {
    const t = { ...base, milestones: [{ dueOn: '2026-06-30', doneOn: null }] };
    expect(computeTaskStatus(t, '2026-06-30').status).toBe('on_track');
    const r = computeTaskStatus(t, '2026-07-01');
    expect(r.status).toBe('at_risk');
    expect(r.reasons).toEqual(['milestone_missed']);
    expect(computeTaskStatus({ ...t, milestones: [{ dueOn: '2026-06-30', doneOn: '2026-07-03' }] }, '2026-07-04').status).toBe('on_track');
  });

  it('a 100 % official report after the deadline makes it done, flagged late', () => {
    const t = { ...base, officialPercent: 100, officialDoneOn: '2027-01-05' };
    const r = computeTaskStatus(t, '2027-01-06');
    expect(r).toMatchObject({ status: 'done', late: true, doneOn: '2027-01-05', recheckOn: null });
    expect(computeTaskStatus({ ...t, officialDoneOn: '2026-12-31' }, '2027-01-06').late).toBe(false);
  });

  it('the district completed mark also makes it done', () => {
    expect(computeTaskStatus({ ...base, completedOn: '2026-10-01' }, '2027-03-01').status).toBe('done');
  });

  it('near the deadline without a recent official report is at risk', () => {
    const t = { ...base, officialPercent: 90, lastOfficialReportOn: '2026-10-01' };
    expect(computeTaskStatus(t, '2026-11-30').status).toBe('on_track'); // 31 days before: not near yet
    expect(computeTaskStatus(t, '2026-12-01').reasons).toEqual(['no_recent_report']);
    expect(computeTaskStatus({ ...t, lastOfficialReportOn: null }, '2026-12-01').status).toBe('at_risk');
  });

  it('more than 25 points behind the straight-line schedule is at risk', () => {
    expect(expectedPercent('2026-01-01', '2026-12-31', '2026-07-02')).toBe(50);
    const t = { ...base, officialPercent: 24, lastOfficialReportOn: '2026-06-30' };
    expect(computeTaskStatus(t, '2026-07-02').reasons).toEqual(['behind_schedule']);
    expect(computeTaskStatus({ ...t, officialPercent: 25 }, '2026-07-02').status).toBe('on_track');
  });

  it('recheckOn is never later than the next time-only change', () => {
    const t = { ...base, officialPercent: 30, lastOfficialReportOn: '2026-03-01', milestones: [{ dueOn: '2026-05-15', doneOn: null }] };
    let day = '2026-03-02';
    let r = computeTaskStatus(t, day);
    for (let i = 0; i < 400; i++) {
      const next = new Date(Date.parse(day + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
      const r2 = computeTaskStatus(t, next);
      if (r2.status !== r.status || r2.reasons.join() !== r.reasons.join()) {
        expect(r.recheckOn && r.recheckOn <= next).toBeTruthy();
      }
      if (r.recheckOn && r.recheckOn <= next) r = r2;
      day = next;
    }
  });
});

describe('periods', () => {
  it('parses monthly and quarterly keys', () => {
    expect(parsePeriodKey('2026-02')).toMatchObject({ start: '2026-02-01', end: '2026-02-28' });
    expect(parsePeriodKey('2026Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriodKey('2026-13')).toBeNull();
    expect(periodOf('2026-05-09', 'quarterly').key).toBe('2026Q2');
  });

  it('the previous period stays open for ten days', () => {
    expect(openPeriods('2026-11-10', 'monthly').map((p) => p.key)).toEqual(['2026-11', '2026-10']);
    expect(openPeriods('2026-11-11', 'monthly').map((p) => p.key)).toEqual(['2026-11']);
    expect(openPeriods('2027-01-03', 'quarterly').map((p) => p.key)).toEqual(['2027Q1', '2026Q4']);
  });
});
