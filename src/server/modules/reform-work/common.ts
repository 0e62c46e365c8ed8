import type { ErrorDetail } from '../../http/errors.js';
import { parseDateInput } from '../../../shared/dates.js';
import { normalizePhone } from '../../../shared/phone.js';
import { parseYuanToFen } from '../../../shared/money.js';

/** Field checks shared by the reform-work services; each pushes a Chinese + English reason. */
export class Checks {
  readonly details: ErrorDetail[] = [];

  add(field: string, code: string, message: string, messageEn: string): void {
    this.details.push({ field, code, message, messageEn });
  }

  text(field: string, value: string | null | undefined, opts: { label: [string, string]; required?: boolean; max: number }): string | null {
    const v = value?.trim() ?? '';
    if (!v) {
      if (opts.required) this.add(field, 'REQUIRED', `请填写${opts.label[0]}`, `${opts.label[1]} is required`);
      return null;
    }
    if (v.length > opts.max) this.add(field, 'TOO_LONG', `${opts.label[0]}不超过${opts.max}字`, `${opts.label[1]} is longer than ${opts.max} characters`);
    return v;
  }

  date(field: string, value: string | null | undefined, opts: { label: [string, string]; required?: boolean }): string | null {
    if (!value?.trim()) {
      if (opts.required) this.add(field, 'REQUIRED', `请填写${opts.label[0]}`, `${opts.label[1]} is required`);
      return null;
    }
    const d = parseDateInput(value);
    if (!d) this.add(field, 'DATE_FORMAT', `${opts.label[0]}不是有效日期`, `${opts.label[1]} is not a valid date`);
    return d;
  }

  /** Yuan as typed ('1,234.50') to integer fen; the string is parsed, never a float. */
  yuan(field: string, value: string | number | undefined, label: [string, string]): number | null {
    const r = parseYuanToFen(value ?? '');
    if (!r.ok) {
      this.add(field, r.code, `${label[0]}：${r.message}`, `${label[1]}: ${r.messageEn}`);
      return null;
    }
    return r.value;
  }

  /** Office phones are landlines as often as mobiles: digits only, 7–12 of them. */
  phone(field: string, value: string | null | undefined): string | null {
    if (!value?.trim()) return null;
    const v = normalizePhone(value);
    if (!/^\d{7,12}$/.test(v)) this.add(field, 'PHONE_FORMAT', '联系电话应为7至12位数字（手机或座机）', 'Phone must be 7–12 digits (mobile or landline)');
    return v;
  }

  ok(): boolean {
    return this.details.length === 0;
  }
}

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
