import { describe, it, expect } from 'vitest';
import * as shared from './index.js';

describe('shared index', () => {
  it('re-exports the validators and tables', () => {
    for (const name of [
      'foldFullWidth', 'cleanCell', 'parseDateInput', 'todayInShanghai', 'isValidYmd',
      'idCheckChar', 'normalizeIdNumber', 'validateIdNumber', 'maskIdNumber',
      'usccCheckChar', 'validateCreditCode', 'normalizePhone', 'validateMobile', 'maskPhone',
      'codeName', 'findCodeByNameOrCode', 'industrySection', 'validateIndustryCode', 'canContain',
    ] as const) {
      expect(typeof shared[name], name).toBe('function');
    }
    expect(shared.ETHNICITIES).toHaveLength(58);
    expect(shared.MIYUN_DIVISIONS).toHaveLength(21);
  });
});
