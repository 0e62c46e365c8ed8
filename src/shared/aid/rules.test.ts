import { describe, expect, it } from 'vitest';
import { checkApprovedAmount, checkEligibility, computeAmount, isOutdoorWorker, periodKeyFor, periodName, type AidFacts } from './rules.js';
import { fenToYuan, formatYuan, percentText, yuanToFen } from '../money.js';
import { DEMO_RULES, type AidType } from './types.js';
import type { AidDetails } from './details.js';

const base = (type: AidType, details: AidDetails[AidType], over: Partial<AidFacts> = {}): AidFacts => ({
  type, today: '2025-09-10', periodKey: periodKeyFor(type, over.today ?? '2025-09-10'),
  hardship: { tier: 'relative', verified: true }, occupation: null, isNewEmployment: false, details, attachmentCount: 1, ...over,
});
const codes = (f: AidFacts) => checkEligibility(f).map((p) => p.code);

describe('period keys', () => {
  it('uses the year for most types and names the winter by the year it starts', () => {
    expect(periodKeyFor('living', '2025-01-01')).toBe('2025');
    expect(periodKeyFor('summer', '2025-07-01')).toBe('2025-summer');
    expect(periodKeyFor('winter', '2025-11-20')).toBe('2025-winter');
    expect(periodKeyFor('winter', '2026-01-20')).toBe('2025-winter');
    expect(periodKeyFor('winter', '2026-04-30')).toBe('2025-winter');
    expect(periodKeyFor('winter', '2026-05-01')).toBe('2026-winter');
    expect(periodName('2025-winter').zh).toBe('2025—2026年冬季');
  });
});

describe('eligibility per type', () => {
  it('living and winter need an open verified record in tier deep or relative', () => {
    for (const t of ['living', 'winter'] as const) {
      expect(codes(base(t, {}))).toEqual([]);
      expect(codes(base(t, {}, { hardship: { tier: 'deep', verified: true } }))).toEqual([]);
      expect(codes(base(t, {}, { hardship: null }))).toEqual(['NO_HARDSHIP_RECORD']);
      expect(codes(base(t, {}, { hardship: { tier: 'deep', verified: false } }))).toEqual(['HARDSHIP_NOT_VERIFIED']);
      expect(codes(base(t, {}, { hardship: { tier: 'accident', verified: true } }))).toEqual(['HARDSHIP_TIER']);
      expect(codes(base(t, {}, { hardship: { tier: 'none', verified: true } }))).toEqual(['HARDSHIP_TIER']);
    }
  });

  it('medical checks bills: insured ≤ total, dated in the period year, bills attached', () => {
    const bill = { hospital: '密云区医院', date: '2025-03-01', totalFen: 900_000, insuredFen: 300_000 };
    expect(codes(base('medical', { bills: [bill] }, { hardship: null }))).toEqual([]);
    expect(codes(base('medical', { bills: [{ ...bill, insuredFen: 900_001 }] }))).toEqual(['INSURED_EXCEEDS_TOTAL']);
    expect(codes(base('medical', { bills: [{ ...bill, date: '2024-12-31' }] }))).toEqual(['BILL_OTHER_YEAR']);
    expect(codes(base('medical', { bills: [{ ...bill, date: '2025-09-11' }] }))).toEqual(['DATE_IN_FUTURE']);
    expect(codes(base('medical', { bills: [bill] }, { attachmentCount: 0 }))).toEqual(['ATTACHMENT_REQUIRED']);
  });

  it('education needs hardship and a child still in the course', () => {
    const child = { name: '王小明', school: '北京大学', stage: 'undergraduate' as const, admissionYear: 2025 };
    expect(codes(base('education', { child }))).toEqual([]);
    expect(codes(base('education', { child: { ...child, admissionYear: 2021 } }))).toEqual([]);
    expect(codes(base('education', { child: { ...child, admissionYear: 2020 } }))).toEqual(['NOT_ENROLLED']);
    expect(codes(base('education', { child: { ...child, admissionYear: 2026 } }))).toEqual(['NOT_YET_ENROLLED']);
    expect(codes(base('education', { child: { ...child, stage: 'senior', admissionYear: 2022 } }))).toEqual(['NOT_ENROLLED']);
    expect(codes(base('education', { child }, { hardship: null, attachmentCount: 0 }))).toEqual(['NO_HARDSHIP_RECORD', 'ATTACHMENT_REQUIRED']);
  });

  it('summer targets outdoor and new-employment-form workers', () => {
    expect(isOutdoorWorker('快递员', false)).toBe(true);
    expect(isOutdoorWorker('环卫工人', false)).toBe(true);
    expect(isOutdoorWorker('会计', true)).toBe(true);
    expect(codes(base('summer', {}, { occupation: '会计', hardship: null }))).toEqual(['NOT_OUTDOOR_WORKER']);
    expect(codes(base('summer', {}, { occupation: '建筑施工员', hardship: null }))).toEqual([]);
  });

  it('temporary: an event within 180 days, or the accident tier', () => {
    const event = (date: string) => ({ event: { kind: 'accident' as const, date, description: '工伤' } });
    expect(codes(base('temporary', event('2025-03-14'), { hardship: null }))).toEqual([]); // 180 days before
    expect(codes(base('temporary', event('2025-03-13'), { hardship: null }))).toEqual(['EVENT_TOO_OLD']);
    expect(codes(base('temporary', event('2025-03-13'), { hardship: { tier: 'accident', verified: true } }))).toEqual([]);
    expect(codes(base('temporary', event('2025-09-11')))).toEqual(['DATE_IN_FUTURE']);
  });
});

describe('amounts', () => {
  const med = (bills: [number, number][]) => ({ bills: bills.map(([totalFen, insuredFen]) => ({ hospital: 'h', date: '2025-01-01', totalFen, insuredFen })) });
  const rule = DEMO_RULES.medical; // threshold 5,000.00, 50 %, cap 20,000.00

  it('medical: (self-paid − threshold) × ratio, rounded down to the fen, capped', () => {
    expect(computeAmount('medical', rule, null, med([[1_200_001, 0]]))).toMatchObject({ ok: true, amountFen: 350_000 }); // 7000.01 × 50 % = 3500.005 → 3500.00
    expect(computeAmount('medical', rule, null, med([[500_000, 0]]))).toMatchObject({ ok: false }); // exactly at threshold: nothing to pay
    expect(computeAmount('medical', rule, null, med([[500_002, 0]]))).toMatchObject({ ok: true, amountFen: 1 });
    expect(computeAmount('medical', rule, null, med([[499_999, 0]]))).toMatchObject({ ok: false, problems: [{ code: 'BELOW_THRESHOLD' }] });
    expect(computeAmount('medical', rule, null, med([[9_000_000, 2_000_000]]))).toMatchObject({ ok: true, amountFen: 2_000_000 });
    expect(computeAmount('medical', rule, 100_000, med([[9_000_000, 0]]))).toMatchObject({ ok: true, amountFen: 100_000 });
  });

  it('a fixed standard ignores the request; otherwise the request must be within the cap', () => {
    expect(computeAmount('winter', DEMO_RULES.winter, 5, {})).toMatchObject({ ok: true, amountFen: 100_000 });
    expect(computeAmount('living', DEMO_RULES.living, 300_000, {})).toMatchObject({ ok: true, amountFen: 300_000 });
    expect(computeAmount('living', DEMO_RULES.living, 300_001, {})).toMatchObject({ ok: false, problems: [{ code: 'OVER_CAP', field: 'amountFen' }] });
    expect(computeAmount('living', DEMO_RULES.living, null, {})).toMatchObject({ ok: false, problems: [{ code: 'AMOUNT_REQUIRED' }] });
  });

  it('an approved amount stays within the computed amount and the cap', () => {
    expect(checkApprovedAmount(200_000, 250_000, DEMO_RULES.living)).toEqual([]);
    expect(checkApprovedAmount(250_001, 250_000, DEMO_RULES.living)[0].code).toBe('OVER_COMPUTED');
    expect(checkApprovedAmount(300_001, 400_000, DEMO_RULES.living)[0].code).toBe('OVER_CAP');
    expect(checkApprovedAmount(0, 1, DEMO_RULES.living)[0].code).toBe('AMOUNT_POSITIVE');
  });
});

describe('money text', () => {
  it('converts fen and yuan exactly', () => {
    expect(fenToYuan(123_456)).toBe('1234.56');
    expect(fenToYuan(5)).toBe('0.05');
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(yuanToFen('1,234.5')).toBe(123_450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('1.234')).toBeNull();
    expect(percentText(1, 3)).toBe('33.33');
    expect(percentText(2, 3)).toBe('66.67');
    expect(percentText(5, 0)).toBeNull();
  });
});
