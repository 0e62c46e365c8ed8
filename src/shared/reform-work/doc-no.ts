import { fail, type Failure } from '../result.js';
import { cleanCell } from '../text.js';

/**
 * 发文字号 (document number) such as 密工发〔2023〕5号 (GB/T 9704-2012 §7.2.4): the issuing
 * office's code (机关代字), the year in 六角括号 〔〕, and the serial number without leading zeros.
 * People type the brackets however their IME lets them — [], (), （）, 【】, ［］, ﹝﹞ — so those are
 * accepted and normalised to 〔〕 with a warning, rather than refused: the meaning is unambiguous
 * and the stored form is always the standard one, which keeps uniqueness checks honest.
 */
export interface DocNo {
  value: string;
  agency: string;
  year: number;
  seq: number;
}

export interface DocNoOk extends DocNo {
  ok: true;
  /** Set when the input differed from the standard form (brackets, full-width digits, spaces). */
  warning?: { code: 'DOC_NO_NORMALISED'; message: string; messageEn: string };
}

export type DocNoResult = DocNoOk | Failure;

const FIRST_YEAR = 1949;
// Anything that can stand for 〔 or 〕 once full-width ASCII has been folded by cleanCell.
const OPEN = '[\\[(【〔﹝]';
const CLOSE = '[\\])】〕﹞]';
const SHAPE = new RegExp(`^(.+?)${OPEN}(\\d+)${CLOSE}(\\d+)号$`);
const AGENCY = /^[\u4e00-\u9fff]{2,12}$/;

export function validateDocNo(input: string, opts: { maxYear: number }): DocNoResult {
  const cleaned = cleanCell(input ?? '').replace(/\s+/g, '');
  if (!cleaned) return fail('DOC_NO_EMPTY', '请填写文号', 'Document number is required');
  const m = SHAPE.exec(cleaned);
  if (!m) {
    return fail('DOC_NO_FORMAT', '文号格式应为“机关代字〔年份〕序号号”，如 密工发〔2023〕5号', 'Use the form 机关代字〔YYYY〕N号, e.g. 密工发〔2023〕5号');
  }
  const [, agency, yearText, seqText] = m;
  if (!AGENCY.test(agency)) {
    return fail('DOC_NO_AGENCY', '机关代字应为2至12个汉字，如“密工发”', 'The office code must be 2–12 Chinese characters, e.g. 密工发');
  }
  const year = Number(yearText);
  if (yearText.length !== 4 || year < FIRST_YEAR || year > opts.maxYear) {
    return fail('DOC_NO_YEAR', `文号年份应为${FIRST_YEAR}至${opts.maxYear}年之间的四位数字`, `The year must be four digits between ${FIRST_YEAR} and ${opts.maxYear}`);
  }
  if (seqText.startsWith('0')) {
    return fail('DOC_NO_SEQ', '文号序号应为正整数，不编虚位（如 5号，不写 05号）', 'The serial number is a positive integer without leading zeros (5, not 05)');
  }
  if (seqText.length > 5) return fail('DOC_NO_SEQ', '文号序号过大', 'The serial number is too large');
  const seq = Number(seqText);
  const value = `${agency}〔${year}〕${seq}号`;
  const out: DocNoOk = { ok: true, value, agency, year, seq };
  if (value !== input) {
    out.warning = {
      code: 'DOC_NO_NORMALISED',
      message: `文号已规范为“${value}”（年份使用六角括号〔〕）`,
      messageEn: `The document number was normalised to “${value}” (year in 〔〕)`,
    };
  }
  return out;
}
