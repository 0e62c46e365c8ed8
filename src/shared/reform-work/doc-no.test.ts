import { describe, expect, it } from 'vitest';
import { validateDocNo } from './doc-no.js';

const v = (s: string) => validateDocNo(s, { maxYear: 2027 });

describe('validateDocNo', () => {
  it.each([
    ['密工发〔2023〕5号', '密工发', 2023, 5],
    ['京工发〔1949〕1号', '京工发', 1949, 1],
    ['密政办发〔2027〕120号', '密政办发', 2027, 120],
    ['密工办字〔2021〕10号', '密工办字', 2021, 10],
  ])('accepts the standard form %s', (input, agency, year, seq) => {
    const r = v(input);
    expect(r).toEqual({ ok: true, value: input, agency, year, seq });
  });

  it.each([
    ['密工发[2023]5号'],
    ['密工发(2023)5号'],
    ['密工发（2023）5号'],
    ['密工发【2023】5号'],
    ['密工发［2023］5号'],
    ['密工发﹝2023﹞5号'],
    [' 密工发 〔2023〕 5 号 '],
    ['密工发〔２０２３〕５号'],
  ])('normalises %s to 〔〕 with a warning', (input) => {
    const r = v(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe('密工发〔2023〕5号');
    expect(r.warning?.code).toBe('DOC_NO_NORMALISED');
    expect(r.warning?.message).toContain('密工发〔2023〕5号');
  });

  it.each([
    ['', 'DOC_NO_EMPTY'],
    ['   ', 'DOC_NO_EMPTY'],
    ['密工发2023年5号', 'DOC_NO_FORMAT'],
    ['密工发〔2023〕5', 'DOC_NO_FORMAT'],
    ['〔2023〕5号', 'DOC_NO_FORMAT'],
    ['密工发〔2023〕号', 'DOC_NO_FORMAT'],
    ['密工发〔2023〕五号', 'DOC_NO_FORMAT'],
    ['密工发〔2023〕-5号', 'DOC_NO_FORMAT'],
    ['密工发〔2023〕5.5号', 'DOC_NO_FORMAT'],
    ['MGF〔2023〕5号', 'DOC_NO_AGENCY'],
    ['密〔2023〕5号', 'DOC_NO_AGENCY'],
    ['密工发〔1948〕5号', 'DOC_NO_YEAR'],
    ['密工发〔2028〕5号', 'DOC_NO_YEAR'],
    ['密工发〔23〕5号', 'DOC_NO_YEAR'],
    ['密工发〔02023〕5号', 'DOC_NO_YEAR'],
    ['密工发〔2023〕05号', 'DOC_NO_SEQ'],
    ['密工发〔2023〕0号', 'DOC_NO_SEQ'],
    ['密工发〔2023〕123456号', 'DOC_NO_SEQ'],
  ])('refuses %s with %s', (input, code) => {
    const r = v(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.messageEn).toMatch(/[a-z]/);
  });

  it('takes the upper year bound from the caller (next year)', () => {
    expect(validateDocNo('密工发〔2028〕1号', { maxYear: 2028 }).ok).toBe(true);
    expect(validateDocNo('密工发〔2028〕1号', { maxYear: 2027 }).ok).toBe(false);
  });
});
