import { cleanCell } from '../text.js';

export interface CodeEntry {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  /** Other spellings seen in union spreadsheets (full official names, colloquial short forms). */
  readonly aliases?: readonly string[];
}

export type CodeTable<T extends CodeEntry = CodeEntry> = readonly T[];

/** Name for a code, or undefined when the code is not in the table. */
export function codeName(table: CodeTable, code: string): string | undefined {
  return table.find((e) => e.code === code)?.name;
}

function matchesCode(e: CodeEntry, text: string): boolean {
  if (e.code.toUpperCase() === text.toUpperCase()) return true;
  // Excel turns a typed '01' into the number 1, so '1' must still find '01'.
  return /^\d+$/.test(text) && /^\d+$/.test(e.code) && text.length < e.code.length
    && text.padStart(e.code.length, '0') === e.code;
}

function matchesName(e: CodeEntry, text: string): boolean {
  return e.name === text
    || (e.aliases?.includes(text) ?? false)
    || (e.nameEn !== undefined && e.nameEn.toLowerCase() === text.toLowerCase());
}

function byCode<T extends CodeEntry>(table: CodeTable<T>, text: string): T | undefined {
  return table.find((e) => matchesCode(e, text));
}

function byName<T extends CodeEntry>(table: CodeTable<T>, text: string): T | undefined {
  return table.find((e) => matchesName(e, text));
}

// '01 汉', '01-汉族', '01汉', 'L2:初级工' — code first; '汉族(01)' — code last.
const CODE_THEN_NAME = /^([0-9A-Za-z]+)\s*[-.:、|]?\s*([^\s\-.:、|].*)$/;
const NAME_THEN_CODE = /^(.+?)\s*\(([0-9A-Za-z]+)\)$/;

/**
 * Find a table entry from a spreadsheet cell, which may hold the code, the
 * name, an alias, or both code and name ('01 汉'). When a cell holds both they
 * must agree, otherwise nothing is returned: a wrong guess would silently
 * store bad data, a miss is reported to the person importing.
 */
export function findCodeByNameOrCode<T extends CodeEntry>(
  table: CodeTable<T>,
  input: string | number | null | undefined,
): T | undefined {
  if (input === null || input === undefined) return undefined;
  const text = cleanCell(String(input));
  if (text === '') return undefined;

  const direct = byCode(table, text) ?? byName(table, text);
  if (direct) return direct;

  for (const [re, codeAt, nameAt] of [[CODE_THEN_NAME, 1, 2], [NAME_THEN_CODE, 2, 1]] as const) {
    const m = re.exec(text);
    if (!m) continue;
    const fromCode = byCode(table, m[codeAt] ?? '');
    if (fromCode && matchesName(fromCode, m[nameAt] ?? '')) return fromCode;
  }
  return undefined;
}
