import { describe, it, expect } from 'vitest';
import { SKILL_GRADE_TO_LEVEL, SKILL_LEVELS, compareSkillLevels } from './skills.js';
import { codeName, findCodeByNameOrCode } from './table.js';

describe('SKILL_LEVELS (新八级工)', () => {
  it('has eight ordered levels L1–L8', () => {
    expect(SKILL_LEVELS.map((l) => `${l.code} ${l.rank} ${l.name}`)).toEqual([
      'L1 1 学徒工', 'L2 2 初级工', 'L3 3 中级工', 'L4 4 高级工',
      'L5 5 技师', 'L6 6 高级技师', 'L7 7 特级技师', 'L8 8 首席技师',
    ]);
  });

  it('maps the five 级 labels', () => {
    expect(Object.entries(SKILL_GRADE_TO_LEVEL).map(([g, c]) => `${g}→${codeName(SKILL_LEVELS, c)}`)).toEqual([
      '五级→初级工', '四级→中级工', '三级→高级工', '二级→技师', '一级→高级技师',
    ]);
    expect(findCodeByNameOrCode(SKILL_LEVELS, '五级/初级工')?.code).toBe('L2');
    expect(findCodeByNameOrCode(SKILL_LEVELS, '一级/高级技师')?.code).toBe('L6');
    expect(findCodeByNameOrCode(SKILL_LEVELS, '三级')?.code).toBe('L4');
  });

  it('compares by rank', () => {
    expect(compareSkillLevels('L2', 'L10')).toBeGreaterThan(0);
    expect(compareSkillLevels('L5', 'L6')).toBeLessThan(0);
    expect(compareSkillLevels('l3', 'L3')).toBe(0);
    expect(compareSkillLevels('??', 'L1')).toBeLessThan(0);
  });
});
