import { describe, expect, it } from 'vitest';
import { accidentQualifies, computeTier, formatYuan, type TierInput, type TierThresholds } from './tier.js';
import { checkHardshipInput, tierInputOf, type HardshipInput } from './input.js';

// Beijing 2024: 低保 1,395 yuan per person per month; lines 1× / 2× / 3×.
const T: TierThresholds = { year: 2024, dibaoFen: 139_500, deepPct: 100, relativePct: 200, accidentPct: 300, accidentCostPct: 80 };

/** A household of `size` whose only figure is a yearly net income of `netFen`. */
const household = (size: number, netFen: number, extra: Partial<TierInput> = {}): TierInput => ({
  householdSize: size, incomes: [{ amountFen: netFen, period: 'year' }], expenses: [], ...extra,
});

describe('hardship tier at the thresholds (per-capita = net ÷ 12 ÷ size, strictly below the line)', () => {
  const size = 3;
  const atLine = (pct: number) => (T.dibaoFen * pct / 100) * 12 * size;

  it('exactly at 低保 is not deep hardship (not below), but relative', () => {
    const r = computeTier(household(size, atLine(100)), T);
    expect(r.perCapitaFen).toBe(139_500);
    expect(r.tier).toBe('relative');
  });
  it('one fen per person per month below 低保 is deep hardship', () => {
    const r = computeTier(household(size, atLine(100) - 12 * size), T);
    expect(r.perCapitaFen).toBe(139_499);
    expect(r.tier).toBe('deep');
  });
  it('one fen of yearly household income below the line is already below (no rounding)', () => {
    const r = computeTier(household(size, atLine(100) - 1), T);
    expect(r.perCapitaFen).toBe(139_499);
    expect(r.tier).toBe('deep');
  });
  it('one fen per person per month above 低保 is relative', () => {
    expect(computeTier(household(size, atLine(100) + 12 * size), T).tier).toBe('relative');
  });
  it('exactly at 2 × 低保 is not relative hardship', () => {
    const r = computeTier(household(size, atLine(200)), T);
    expect(r.perCapitaFen).toBe(279_000);
    expect(r.tier).toBe('none');
  });
  it('one fen below 2 × 低保 is relative; one fen above is not eligible', () => {
    expect(computeTier(household(size, atLine(200) - 12 * size), T).tier).toBe('relative');
    expect(computeTier(household(size, atLine(200) - 1), T).tier).toBe('relative');
    expect(computeTier(household(size, atLine(200) + 12 * size), T).tier).toBe('none');
  });
  it('刚性支出 is subtracted from income before dividing', () => {
    // 3 people, income 120,000/yr, medical 60,000/yr → 60,000 ÷ 12 ÷ 3 = 1,666.66 < 2,790 → relative
    const r = computeTier({ householdSize: 3, incomes: [{ amountFen: 10_000_00, period: 'month' }], expenses: [{ amountFen: 60_000_00, period: 'year' }] }, T);
    expect(r.annualIncomeFen).toBe(120_000_00);
    expect(r.annualExpenseFen).toBe(60_000_00);
    expect(r.netFen).toBe(60_000_00);
    expect(r.perCapitaFen).toBe(166_666);
    expect(r.tier).toBe('relative');
  });
  it('spending above income makes the figure negative: deep hardship', () => {
    const r = computeTier({ householdSize: 2, incomes: [{ amountFen: 100_00, period: 'month' }], expenses: [{ amountFen: 5_000_00, period: 'year' }] }, T);
    expect(r.netFen).toBe(-3_800_00);
    expect(r.tier).toBe('deep');
  });
  it('uses the year\'s own multipliers (Nantong 2024: 820 yuan, 1:2:3)', () => {
    const nantong: TierThresholds = { ...T, dibaoFen: 82_000 };
    expect(computeTier(household(1, 82_000 * 12), nantong).tier).toBe('relative');
    expect(computeTier(household(1, 81_999 * 12), nantong).tier).toBe('deep');
    const looser: TierThresholds = { ...T, deepPct: 150 };
    expect(computeTier(household(1, 139_500 * 12), looser).tier).toBe('deep');
  });
});

describe('意外致困', () => {
  const injured = { kind: 'disaster', consequence: 'injury', costFen: 0 };
  const threeLine = 139_500 * 3 * 12; // one person, exactly at 3 × 低保 per year

  it('a disaster with injury and income below 3 × 低保 (above 2 ×) is 意外致困', () => {
    expect(computeTier(household(1, threeLine - 12, { accident: injured }), T).tier).toBe('accident');
  });
  it('exactly at 3 × 低保 is not below the accident line', () => {
    expect(computeTier(household(1, threeLine, { accident: injured }), T).tier).toBe('none');
  });
  it('a disaster with property loss only does not qualify', () => {
    expect(computeTier(household(1, threeLine - 12, { accident: { ...injured, consequence: 'property' } }), T).tier).toBe('none');
  });
  it('sudden illness counts only when its cost exceeds 80 % of annual income', () => {
    const income = 100_000_00;
    expect(accidentQualifies({ kind: 'sudden_illness', costFen: 80_000_00 }, income, 80)).toBe(false); // equal: not exceeding
    expect(accidentQualifies({ kind: 'sudden_illness', costFen: 80_000_01 }, income, 80)).toBe(true);
    expect(accidentQualifies({ kind: 'sudden_illness', costFen: 79_999_99 }, income, 80)).toBe(false);
  });
  it('deep and relative take precedence over the event', () => {
    expect(computeTier(household(1, 100_00 * 12, { accident: injured }), T).tier).toBe('deep');
  });
  it('with no accident line the qualifying event alone decides', () => {
    expect(computeTier(household(1, 1_000_000_00, { accident: injured }), { ...T, accidentPct: null }).tier).toBe('accident');
  });
});

describe('exclusions and arithmetic shown', () => {
  it('an exclusion makes the family not eligible even when deep below the line', () => {
    const r = computeTier(household(2, 0, { exclusions: ['study_abroad'] }), T);
    expect(r.tier).toBe('none');
    expect(r.excluded).toBe(true);
  });
  it('the steps show the arithmetic in yuan', () => {
    const r = computeTier(household(3, 50_220_00), T);
    expect(r.steps[0].zh).toContain('50,220.00');
    expect(r.steps[1].zh).toContain('÷ 12 ÷ 3 人 = 人均每月 1,395.00 元');
    expect(r.steps.at(-1)!.zh).toContain('相对困难');
  });
  it('formatYuan', () => {
    expect(formatYuan(139_500)).toBe('1,395.00');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(1)).toBe('0.01');
  });
});

describe('checkHardshipInput', () => {
  const base: HardshipInput = {
    identity: 'employed', mainCause: 'illness', causes: ['illness'], household: [], incomes: [], expenses: [],
  };
  it('accepts a minimal form and counts the worker in the household', () => {
    expect(checkHardshipInput(base, '2026-01-01')).toEqual([]);
    expect(tierInputOf({ ...base, household: [{ name: '李四', relation: 'spouse', age: 40 }] }).householdSize).toBe(2);
  });
  it('reports every bad field with Chinese and English', () => {
    const bad = checkHardshipInput({
      ...base, identity: 'x', mainCause: '', causes: ['nope'],
      household: [{ name: ' ', relation: 'x', idNumber: '110118199013011234', birthDate: '2030-01-01' }],
      incomes: [{ kind: 'wage', amountFen: 1.5, period: 'month' }], expenses: [{ kind: 'x', amountFen: -1, period: 'year' }],
      health: { conditions: ['good', 'cancer'], disabilityCategory: 'physical' },
      accident: { kind: 'disaster', occurredOn: '2030-01-01', costFen: 0 },
    }, '2026-01-01');
    const fields = bad.map((d) => d.field);
    for (const f of ['identity', 'mainCause', 'causes', 'household.0.name', 'household.0.relation', 'household.0.birthDate', 'household.0.idNumber',
      'incomes.0.amountFen', 'expenses.0.kind', 'expenses.0.amountFen', 'health.conditions', 'health.disabilityGrade', 'accident.consequence', 'accident.occurredOn']) {
      expect(fields, f).toContain(f);
    }
    for (const d of bad) {
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.messageEn).toMatch(/[a-z]/i);
    }
  });
});
