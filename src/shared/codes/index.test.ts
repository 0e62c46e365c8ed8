import { describe, it, expect } from 'vitest';
import * as codes from './index.js';
import type { CodeEntry } from './table.js';

// Every exported array of code entries is a code table.
const tables = Object.entries(codes).filter(
  (entry): entry is [string, readonly CodeEntry[]] =>
    Array.isArray(entry[1]) && entry[1].every((e: unknown) => typeof e === 'object' && e !== null && 'code' in e && 'name' in e),
);

describe('code tables: integrity', () => {
  it('finds all the tables', () => {
    expect(tables.map(([n]) => n).sort()).toEqual([
      'BEIJING_COUNTIES', 'EDUCATION', 'EMPLOYMENT_STATUS', 'ETHNICITIES', 'GENDER', 'HOUSEHOLD_TYPES',
      'INDUSTRY_SECTIONS', 'JOIN_METHODS', 'MARITAL', 'MEMBERSHIP_STATUS', 'MIYUN_DIVISIONS', 'ORG_TYPES',
      'OWNERSHIP_TYPES', 'POLITICAL_STATUS', 'PROVINCES', 'SKILL_LEVELS',
    ]);
  });

  it.each(tables)('%s has unique codes, and every name or alias leads to one entry', (_name, table) => {
    const codesSeen = table.map((e) => e.code);
    expect(new Set(codesSeen).size).toBe(codesSeen.length);
    const labels = table.flatMap((e) => [e.name, ...(e.aliases ?? [])]);
    expect(new Set(labels).size).toBe(labels.length);
    for (const e of table) {
      expect(e.name.trim()).toBe(e.name);
      expect(codes.findCodeByNameOrCode(table, e.name)).toBe(e);
      for (const a of e.aliases ?? []) expect(codes.findCodeByNameOrCode(table, a)).toBe(e);
    }
  });

  it.each(tables)('%s: no name or alias is also another entry\'s code', (_name, table) => {
    const codeSet = new Set(table.map((e) => e.code.toUpperCase()));
    for (const e of table) {
      for (const label of [e.name, ...(e.aliases ?? [])]) {
        if (codeSet.has(label.toUpperCase())) expect(label.toUpperCase()).toBe(e.code.toUpperCase());
      }
    }
  });
});
