import { describe, it, expect } from 'vitest';
import { MIYUN_DIVISIONS } from './miyun.js';
import { findCodeByNameOrCode } from './table.js';

describe('MIYUN_DIVISIONS', () => {
  it('has the 20 township-level units plus the development area', () => {
    expect(MIYUN_DIVISIONS).toHaveLength(21);
    expect(MIYUN_DIVISIONS.filter((d) => d.kind === 'street')).toHaveLength(3);
    expect(MIYUN_DIVISIONS.filter((d) => d.kind === 'town')).toHaveLength(17);
    expect(MIYUN_DIVISIONS.filter((d) => d.kind === 'area').map((d) => d.code)).toEqual(['110118400']);
    for (const d of MIYUN_DIVISIONS) expect(d.code).toMatch(/^110118\d{3}$/);
  });

  it('matches the STANDARDS §1.3 table', () => {
    const byCode = Object.fromEntries(MIYUN_DIVISIONS.map((d) => [d.code, d.name]));
    expect(byCode).toMatchObject({
      '110118001': '鼓楼街道', '110118002': '果园街道', '110118100': '密云镇', '110118101': '溪翁庄镇',
      '110118102': '西田各庄镇', '110118103': '十里堡镇', '110118104': '河南寨镇', '110118105': '巨各庄镇',
      '110118106': '穆家峪镇', '110118107': '太师屯镇', '110118108': '高岭镇', '110118109': '不老屯镇',
      '110118110': '冯家峪镇', '110118111': '古北口镇', '110118112': '大城子镇', '110118113': '东邵渠镇',
      '110118114': '北庄镇', '110118115': '新城子镇', '110118116': '石城镇', '110118400': '北京密云经济开发区',
    });
    expect(byCode['110118003']).toContain('檀营');
  });

  it('reads the names people write', () => {
    expect(findCodeByNameOrCode(MIYUN_DIVISIONS, '溪翁庄')?.code).toBe('110118101');
    expect(findCodeByNameOrCode(MIYUN_DIVISIONS, '鼓楼街道办事处')?.code).toBe('110118001');
    expect(findCodeByNameOrCode(MIYUN_DIVISIONS, '檀营满族蒙古族乡')?.code).toBe('110118003');
    expect(findCodeByNameOrCode(MIYUN_DIVISIONS, '密云经济开发区')?.kind).toBe('area');
    expect(findCodeByNameOrCode(MIYUN_DIVISIONS, '110118116')?.name).toBe('石城镇');
  });

  it('does not read a bare 密云 as 密云镇', () => {
    expect(findCodeByNameOrCode(MIYUN_DIVISIONS, '密云')).toBeUndefined();
  });
});
