import { describe, it, expect } from 'vitest';
import { cleanCell, foldFullWidth } from './text.js';

describe('foldFullWidth', () => {
  it('folds full-width digits, letters and punctuation', () => {
    expect(foldFullWidth('１１０１１８１９９００１０１１２３４')).toBe('110118199001011234');
    expect(foldFullWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz');
    expect(foldFullWidth('（＋８６）！～')).toBe('(+86)!~');
  });

  it('turns the ideographic space into an ASCII space', () => {
    expect(foldFullWidth('张\u3000三')).toBe('张 三');
  });

  it('leaves CJK text and CJK-only punctuation alone', () => {
    expect(foldFullWidth('密云区总工会。、「」【】')).toBe('密云区总工会。、「」【】');
  });

  it('folds the full-width comma, colon and brackets too (they are in the block)', () => {
    expect(foldFullWidth('一，二：（三）')).toBe('一,二:(三)');
  });

  it('does not touch the neighbours of the full-width block', () => {
    expect(foldFullWidth('\uFF00\uFF5F')).toBe('\uFF00\uFF5F');
  });
});

describe('cleanCell', () => {
  it('trims and collapses whitespace including NBSP and U+3000', () => {
    expect(cleanCell('  北京\u00A0\u00A0密云 \t\n 区\u3000 ')).toBe('北京 密云 区');
  });

  it('removes zero-width characters and the BOM', () => {
    expect(cleanCell('\uFEFF张\u200B三\u200D')).toBe('张三');
  });

  it('folds full-width before trimming', () => {
    expect(cleanCell('\u3000１３８\u3000')).toBe('138');
  });

  it('returns an empty string for blank input', () => {
    expect(cleanCell(' \u3000\u200B\u00A0')).toBe('');
  });
});
