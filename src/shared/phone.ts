import { fail, type Failure } from './result.js';
import { cleanCell } from './text.js';

// Separators people type inside numbers: spaces, ASCII/Unicode dashes, brackets, dots.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212().]/g;

/**
 * Digits only, without a mainland country code. '+86'/'0086' are always
 * country codes; a bare '86' only when a mobile number follows, so a
 * landline that happens to start with 86 is left alone.
 */
export function normalizePhone(s: string): string {
  const v = cleanCell(s).replace(SEPARATORS, '');
  return v.replace(/^(?:\+86|0086)/, '').replace(/^86(?=1\d{10}$)/, '');
}

// Permissive on purpose (STANDARDS §1.4): new number ranges keep being issued.
const MOBILE = /^1[3-9]\d{9}$/;

export type MobileResult = { ok: true; value: string } | Failure;

export function validateMobile(s: string): MobileResult {
  const v = normalizePhone(s);
  if (v === '') return fail('PHONE_EMPTY', '请填写手机号码', 'Mobile number is required');
  if (!MOBILE.test(v)) {
    return fail('PHONE_FORMAT', '手机号码应为以1开头的11位数字', 'Mobile number must be 11 digits starting with 1');
  }
  return { ok: true, value: v };
}

/** '138****1234' — for display. Blank stays blank; values too short to mask safely show only stars. */
export function maskPhone(s: string): string {
  const v = normalizePhone(s);
  if (v === '') return '';
  if (v.length < 8) return '****';
  return `${v.slice(0, 3)}****${v.slice(-4)}`;
}
