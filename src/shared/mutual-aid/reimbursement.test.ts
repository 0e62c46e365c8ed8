import { describe, expect, it } from 'vitest';
import { addDays, applyRatio, computeClaim, yuan, type BillInput, type PlanRules } from './reimbursement.js';

// 住院医疗: 起付线 500 元 per claim, 60 %, cap 5,000 元 per claim, 20,000 元 per year, 90-day waiting period.
const hospital: PlanRules = { deductibleFen: 50_000, deductibleBasis: 'per_claim', ratioBp: 6000, capPerClaimFen: 500_000, capPerYearFen: 2_000_000, waitingDays: 90 };
const none = { receivedFen: 0, deductibleUsedFen: 0 };
const bill = (totalFen: number, insurancePaidFen: number, selfPaidFen: number, visitDate = '2026-06-01'): BillInput => ({ hospital: '密云区医院', visitDate, totalFen, insurancePaidFen, selfPaidFen });

describe('reimbursement arithmetic', () => {
  it('worked example: base, deductible per claim, ratio', () => {
    // total 12,345.67, insurance 8,000.00, self-paid 345.67 → base 4,000.00; −500 → 3,500.00; ×60% → 2,100.00
    const c = computeClaim(hospital, '2026-01-01', [bill(1_234_567, 800_000, 34_567)], none);
    expect(c.problems).toEqual([]);
    expect(c.baseFen).toBe(400_000);
    expect(c.deductibleAppliedFen).toBe(50_000);
    expect(c.afterRatioFen).toBe(210_000);
    expect(c.eligibleFen).toBe(210_000);
    expect(c.lines.map((l) => l.fen)).toEqual([400_000, 350_000, 210_000, 210_000, 210_000]);
    expect(c.lines[2].zh).toContain('60%');
  });

  it('sums several bills before the deductible', () => {
    const c = computeClaim(hospital, '2026-01-01', [bill(100_000, 70_000, 0), bill(80_000, 40_000, 10_000)], none);
    expect(c.bills.map((b) => b.baseFen)).toEqual([30_000, 30_000]);
    // 600.00 − 500.00 = 100.00 × 60 % = 60.00
    expect(c.eligibleFen).toBe(6_000);
  });

  it('a base below the deductible pays nothing', () => {
    const c = computeClaim(hospital, '2026-01-01', [bill(100_000, 60_000, 0)], none);
    expect(c.deductibleAppliedFen).toBe(40_000);
    expect(c.eligibleFen).toBe(0);
  });

  it('rounds half up to the fen, never through floating point', () => {
    expect(applyRatio(1, 5000)).toBe(1); // 0.5 fen → 1
    expect(applyRatio(3, 5000)).toBe(2); // 1.5 → 2
    expect(applyRatio(1, 4999)).toBe(0); // 0.4999 → 0
    expect(applyRatio(12_345, 3333)).toBe(4_115); // 4114.5885 → 4115
    expect(applyRatio(99_999_999_999, 9999)).toBe(99_989_999_999); // 99,989,999,999.0001 → exact
    const c = computeClaim({ ...hospital, deductibleFen: 0, ratioBp: 7550 }, '2026-01-01', [bill(1_001, 0, 0)], none);
    expect(c.eligibleFen).toBe(756); // 10.01 × 75.5 % = 7.55755 → 7.56
  });

  it('caps one claim', () => {
    // base 20,000 − 500 = 19,500 × 60 % = 11,700 → cap 5,000
    const c = computeClaim(hospital, '2026-01-01', [bill(5_000_000, 3_000_000, 0)], none);
    expect(c.afterRatioFen).toBe(1_170_000);
    expect(c.eligibleFen).toBe(500_000);
  });

  it('the year cap counts what earlier claims received', () => {
    const big = [bill(5_000_000, 3_000_000, 0)];
    expect(computeClaim(hospital, '2026-01-01', big, { receivedFen: 1_800_000, deductibleUsedFen: 0 }).eligibleFen).toBe(200_000);
    expect(computeClaim(hospital, '2026-01-01', big, { receivedFen: 2_000_000, deductibleUsedFen: 0 }).eligibleFen).toBe(0);
    // four claims of 5,000 fill the 20,000 cap; a fifth gets nothing
    let received = 0;
    const paid: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fen = computeClaim(hospital, '2026-01-01', big, { receivedFen: received, deductibleUsedFen: 0 }).eligibleFen;
      paid.push(fen);
      received += fen;
    }
    expect(paid).toEqual([500_000, 500_000, 500_000, 500_000, 0]);
  });

  it('a yearly deductible is taken once across claims', () => {
    const yearly: PlanRules = { ...hospital, deductibleBasis: 'per_year', capPerClaimFen: null, capPerYearFen: null };
    const first = computeClaim(yearly, '2026-01-01', [bill(100_000, 70_000, 0)], none); // base 300 < 500
    expect(first.deductibleAppliedFen).toBe(30_000);
    expect(first.eligibleFen).toBe(0);
    const second = computeClaim(yearly, '2026-01-01', [bill(100_000, 70_000, 0)], { receivedFen: 0, deductibleUsedFen: 30_000 });
    // 200 left of the deductible: 300 − 200 = 100 × 60 % = 60
    expect(second.deductibleAppliedFen).toBe(20_000);
    expect(second.eligibleFen).toBe(6_000);
    const third = computeClaim(yearly, '2026-01-01', [bill(100_000, 70_000, 0)], { receivedFen: 6_000, deductibleUsedFen: 50_000 });
    expect(third.deductibleAppliedFen).toBe(0);
    expect(third.eligibleFen).toBe(18_000);
  });

  it('refuses bills inside the waiting period, to the day', () => {
    expect(addDays('2026-01-01', 90)).toBe('2026-04-01');
    const inside = computeClaim(hospital, '2026-01-01', [bill(100_000, 0, 0, '2026-03-31')], none);
    expect(inside.problems).toEqual([expect.objectContaining({ index: 0, field: 'visitDate', code: 'WAITING_PERIOD' })]);
    expect(inside.problems[0].message).toContain('2026-04-01');
    expect(computeClaim(hospital, '2026-01-01', [bill(100_000, 0, 0, '2026-04-01')], none).problems).toEqual([]);
    expect(computeClaim({ ...hospital, waitingDays: 0 }, '2026-05-20', [bill(100_000, 0, 0, '2026-05-20')], none).problems).toEqual([]);
  });

  it('refuses a bill whose parts exceed its total', () => {
    const c = computeClaim(hospital, '2026-01-01', [bill(100_000, 0, 0), bill(100_000, 90_000, 10_001)], none);
    expect(c.problems).toEqual([expect.objectContaining({ index: 1, code: 'PARTS_EXCEED_TOTAL' })]);
  });

  it('formats yuan exactly', () => {
    expect(yuan(123_456_789)).toBe('1,234,567.89');
    expect(yuan(5)).toBe('0.05');
  });
});
