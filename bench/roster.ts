// The N-row roster workbook the import benchmark uploads: the import template's columns
// (MEMBER_COLUMNS labels), values from the deterministic demo generator, every cell text
// (ID and phone numbers stay text, as a union's 花名册 should have them), written with the
// platform's own streaming writer. Cached in bench/tmp/ by N: the generator is deterministic.

import fs from 'node:fs';
import path from 'node:path';
import { demoEnterprises, demoMembers } from '../src/server/demo/generate.js';
import { writeSheet } from '../src/server/excel/xlsx-writer.js';
import { MEMBER_COLUMNS } from '../src/server/excel/roster-reader.js';
import { codeName, type CodeTable } from '../src/shared/codes/table.js';
import { EDUCATION, EMPLOYMENT_STATUS, ETHNICITIES, JOIN_METHODS, POLITICAL_STATUS, SKILL_LEVELS } from '../src/shared/codes/index.js';
import { EXCEL_MAX_ROWS } from '../src/server/excel/cell-values.js';
import { log } from './lib.js';

const named = (t: CodeTable, c: string | null) => (c ? codeName(t, c) ?? c : null);
const yes = (b: boolean) => (b ? '是' : '否');

async function* rosterRows(count: number): AsyncGenerator<Record<string, unknown>> {
  const employers = new Map(demoEnterprises().map((e) => [e.key, e]));
  const joinName = named(JOIN_METHODS, 'employer');
  for (const m of demoMembers({ count })) {
    const e = m.enterpriseKey ? employers.get(m.enterpriseKey) : undefined;
    yield {
      name: m.name,
      idNumber: m.idNumber,
      gender: m.gender === 'M' ? '男' : '女',
      ethnicity: named(ETHNICITIES, m.ethnicity),
      birthDate: m.birthDate,
      education: named(EDUCATION, m.education),
      political: named(POLITICAL_STATUS, m.political),
      householdType: m.householdType,
      phone: m.phone,
      employerCreditCode: e?.creditCode ?? null,
      employerName: e?.name ?? null,
      employmentStatus: named(EMPLOYMENT_STATUS, m.employmentStatus),
      occupation: null,
      skillLevel: named(SKILL_LEVELS, m.skillLevel),
      joinedOn: m.joinedOn,
      joinMethod: joinName,
      cardNo: null,
      isMigrant: yes(m.isMigrant),
      isIndustrial: yes(m.isIndustrial),
      isNewEmployment: yes(m.isNewEmployment),
      isModelWorker: yes(m.isModelWorker),
    };
  }
}

/** Path of the cached N-row roster, generating it first when missing. */
export async function ensureRoster(dir: string, count: number): Promise<{ file: string; bytes: number; generatedSeconds: number | null }> {
  if (count > EXCEL_MAX_ROWS - 1) {
    // The reader imports the first worksheet only; the writer would continue on a second one.
    throw new Error(`--members ${count}: one worksheet holds at most ${EXCEL_MAX_ROWS - 1} data rows`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `roster-${count}.xlsx`);
  if (fs.existsSync(file)) return { file, bytes: fs.statSync(file).size, generatedSeconds: null };
  log('roster', `writing ${count.toLocaleString('en-US')}-row roster → ${path.relative(process.cwd(), file)}`);
  const part = `${file}.${process.pid}.part`;
  const t0 = performance.now();
  try {
    const out = fs.createWriteStream(part);
    const written = await writeSheet(out, '会员花名册', MEMBER_COLUMNS.map((c) => ({ key: c.key, label: c.label, kind: 'text' as const })), rosterRows(count));
    if (written !== count) throw new Error(`roster: wrote ${written} rows, expected ${count}`);
    fs.renameSync(part, file);
  } finally {
    fs.rmSync(part, { force: true });
  }
  const seconds = (performance.now() - t0) / 1000;
  const bytes = fs.statSync(file).size;
  log('roster', `done in ${seconds.toFixed(1)} s, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  return { file, bytes, generatedSeconds: Math.round(seconds * 10) / 10 };
}
