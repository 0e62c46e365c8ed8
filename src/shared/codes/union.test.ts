import { describe, it, expect } from 'vitest';
import { findCodeByNameOrCode } from './table.js';
import {
  EMPLOYMENT_STATUS, JOIN_METHODS, MEMBERSHIP_STATUS, ORG_TYPES, OWNERSHIP_TYPES, canContain,
} from './union.js';

describe('union enums', () => {
  it('have the values STANDARDS §2 lists', () => {
    expect(EMPLOYMENT_STATUS.map((e) => e.name)).toEqual(['在岗', '灵活就业', '新就业形态', '下岗', '失业', '内退', '退休']);
    expect(JOIN_METHODS.map((e) => e.name)).toEqual(['单位', '网上', '区域·行业联合会']);
    expect(OWNERSHIP_TYPES.map((e) => e.name)).toEqual(['国有', '集体', '私营', '外商投资', '港澳台投资', '股份制', '联营', '个体', '其他']);
    expect(MEMBERSHIP_STATUS.map((e) => [e.code, e.name, e.nameEn])).toEqual([
      ['active', '在会', 'Active'],
      ['transferring', '转出中', 'Transferring out'],
      ['retained', '保留会籍', 'Membership retained'],
      ['left', '退会', 'Left'],
    ]);
  });

  it('use slug codes', () => {
    for (const t of [EMPLOYMENT_STATUS, JOIN_METHODS, OWNERSHIP_TYPES, MEMBERSHIP_STATUS, ORG_TYPES]) {
      for (const e of t) expect(e.code).toMatch(/^[a-z][a-z_]*$/);
    }
  });

  it('read common spellings', () => {
    expect(findCodeByNameOrCode(JOIN_METHODS, '行业联合会')?.code).toBe('federation');
    expect(findCodeByNameOrCode(OWNERSHIP_TYPES, '民营企业')?.code).toBe('private');
    expect(findCodeByNameOrCode(ORG_TYPES, '街道总工会')?.code).toBe('town');
  });
});

describe('ORG_TYPES tree', () => {
  it('follows the organisation tree in DOMAIN.md', () => {
    expect(canContain('district', 'town')).toBe(true);
    expect(canContain('district', 'park')).toBe(true);
    expect(canContain('town', 'grassroots')).toBe(true);
    expect(canContain('park', 'joint')).toBe(true);
    expect(canContain('grassroots', 'branch')).toBe(true);
    expect(canContain('branch', 'branch')).toBe(true);
  });

  it('refuses upside-down and unknown combinations', () => {
    expect(canContain('grassroots', 'town')).toBe(false);
    expect(canContain('town', 'district')).toBe(false);
    expect(canContain('district', 'district')).toBe(false);
    expect(canContain('member_unit', 'grassroots')).toBe(false);
    expect(canContain('nope', 'branch')).toBe(false);
    expect(canContain('grassroots', 'nope')).toBe(false);
  });

  it('only names known types as children, and every type except the root has a parent', () => {
    const codes = new Set(ORG_TYPES.map((t) => t.code));
    for (const t of ORG_TYPES) for (const c of t.children) expect(codes.has(c)).toBe(true);
    const withParent = new Set(ORG_TYPES.flatMap((t) => t.children));
    expect(ORG_TYPES.filter((t) => !withParent.has(t.code)).map((t) => t.code)).toEqual(['district']);
  });
});
