import fs from 'node:fs';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Actor } from '../../access/actor.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { checkMember, MEMBER_FIELD_LABELS, type MemberRecord, type MemberText } from '../../../shared/member-input.js';
import { MEMBER_COLUMNS, readRoster } from '../../excel/roster-reader.js';
import { audit } from '../audit/audit.service.js';
import { enterprisesByCreditCodes } from '../enterprises/enterprises.service.js';
import { personValues, type PersonValues } from '../members/person-values.js';
import { insertMemberBatch } from '../members/members.bulk.js';

export const IMPORT_BATCH = 2000;
export const ANALYZE_AFTER_ROWS = 10_000;

export interface RowError {
  column: string;
  code: string;
  reason: string;
}

interface Rejected {
  row: number;
  values: Record<string, unknown>;
  errors: RowError[];
}

interface Valid {
  row: number;
  values: Record<string, unknown>;
  record: MemberRecord;
  person: PersonValues;
}

export interface ImportProgress {
  total: number;
  imported: number;
  rejected: number;
}

const label = (key: string) => MEMBER_FIELD_LABELS[key as keyof MemberRecord] ?? key;

/**
 * Streams a roster workbook into one organisation: every non-blank row is either
 * imported or rejected with its row number, column and reason (total = imported + rejected).
 * Rows are committed in batches with their error rows and the running counts,
 * so an interruption never leaves a half-written batch and re-importing is harmless.
 */
export async function runMemberImport(
  ctx: AppContext,
  actor: Actor,
  importId: number,
  file: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportProgress> {
  const imp = await ctx.db.selectFrom('imports as i').innerJoin('orgs as o', 'o.id', 'i.org_id').select(['i.org_id', 'o.name as org_name', 'o.path as org_path']).where('i.id', '=', importId).executeTakeFirstOrThrow();
  await ctx.db.updateTable('imports').set({ status: 'running', started_at: new Date() }).where('id', '=', importId).execute();
  const progress: ImportProgress = { total: 0, imported: 0, rejected: 0 };
  const orgNames = new Map([[imp.org_id, imp.org_name]]);
  const today = todayInShanghai();
  const batchRows = new Map<string, number>(); // blind index → row, within the current batch
  let valid: Valid[] = [];
  let rejected: Rejected[] = [];

  // The database writes batch N while the reader parses batch N+1; batches still commit in
  // order, one at a time, so duplicates across batches are classified against committed rows.
  let inflight: Promise<void> = Promise.resolve();
  const startFlush = async () => {
    await inflight;
    const batch = valid;
    const rejects = rejected;
    valid = [];
    rejected = [];
    batchRows.clear();
    inflight = flush(batch, rejects);
    inflight.catch(() => undefined); // surfaced by the next await of `inflight`
  };
  const flush = async (batch: Valid[], rejects: Rejected[]) => {
    const processed = batch.length + rejects.length;
    const imported = await inTransaction(ctx, async (tx) => {
      const codes = [...new Set(batch.map((v) => v.record.employerCreditCode).filter((c): c is string => !!c))];
      const employers = await enterprisesByCreditCodes({ ...ctx, db: tx }, codes);
      for (const v of batch) {
        const employer = v.record.employerCreditCode ? employers.get(v.record.employerCreditCode) : undefined;
        if (employer) v.person.employer_enterprise_id = employer.id;
      }
      const byRow = new Map(batch.map((v) => [v.row, v.values]));
      const out = await insertMemberBatch(tx, actor, batch.map((v) => ({ ...v, orgId: imp.org_id })), importId, orgNames);
      const count = out.imported;
      for (const r of out.rejects) rejects.push({ row: r.row, values: byRow.get(r.row) ?? {}, errors: [{ column: '身份证号码', code: r.code, reason: r.reason }] });
      if (rejects.length) {
        await tx.insertInto('import_errors').values(rejects.map((r) => ({ import_id: importId, row_no: r.row, errors: JSON.stringify(r.errors), row_values: JSON.stringify(r.values) }))).execute();
      }
      await tx
        .updateTable('imports')
        .set({ total: sql`total + ${processed}`, imported: sql`imported + ${count}`, rejected: sql`rejected + ${rejects.length}` })
        .where('id', '=', importId)
        .execute();
      return { count, rejected: rejects.length };
    });
    progress.imported += imported.count;
    progress.rejected += imported.rejected;
    onProgress?.({ ...progress });
  };

  try {
    for await (const ev of readRoster(file, MEMBER_COLUMNS)) {
      if (ev.type === 'header') {
        if (ev.row === 0) throw new ImportFailed('未找到表头：前20行中没有“姓名”“身份证号码”等列名，请使用导入模板');
        if (ev.missing.length) throw new ImportFailed(`缺少必填列：${ev.missing.map(label).join('、')}`);
        continue;
      }
      progress.total++;
      const errors: RowError[] = ev.issues.map((i) => ({ column: i.column, code: i.code, reason: i.message }));
      const input: MemberText = {};
      for (const [k, v] of Object.entries(ev.values)) if (!ev.issues.some((i) => i.key === k)) (input as Record<string, unknown>)[k] = v;
      const { record, problems } = checkMember(input, { today });
      for (const p of problems) if (!(p.code === 'REQUIRED' && errors.some((e) => e.column === label(p.field)))) errors.push({ column: label(p.field), code: p.code, reason: p.message });
      // Rejected rows keep what the user typed, even a value the reader refused (a numeric ID).
      const shown: Record<string, unknown> = { ...ev.raw };
      for (const [k, v] of Object.entries(ev.values)) if (v !== null) shown[k] = v;
      if (errors.length || !record) {
        rejected.push({ row: ev.row, values: shown, errors });
      } else {
        const person = personValues(ctx.cipher, record, null);
        // Repeats within one batch are caught here; repeats of an earlier batch by the
        // database (memberships.import_row), so memory stays flat for a million rows.
        const first = batchRows.get(person.id_hash);
        if (first !== undefined) {
          rejected.push({ row: ev.row, values: shown, errors: [{ column: '身份证号码', code: 'DUPLICATE_IN_FILE', reason: `与本文件第${first}行的身份证号码重复` }] });
        } else {
          batchRows.set(person.id_hash, ev.row);
          valid.push({ row: ev.row, values: shown, record, person });
        }
      }
      if (valid.length >= IMPORT_BATCH || rejected.length >= IMPORT_BATCH) await startFlush();
    }
    await startFlush();
    await inflight;
    // Planner statistics after a large load (PGlite has no autovacuum to gather them).
    if (progress.imported >= ANALYZE_AFTER_ROWS) await sql`analyze persons, memberships`.execute(ctx.db);
    await inTransaction(ctx, async (tx) => {
      await tx.updateTable('imports').set({ status: 'done', finished_at: new Date() }).where('id', '=', importId).execute();
      await audit(tx, actor, { action: 'member.import', entity: 'import', entityId: importId, orgId: imp.org_id, detail: { ...progress } });
    });
  } catch (err) {
    await inflight.catch(() => undefined);
    const message = err instanceof ImportFailed ? err.message : (err as { messageZh?: string }).messageZh ?? `导入中断：${(err as Error).message}`;
    await ctx.db.updateTable('imports').set({ status: 'failed', message, finished_at: new Date() }).where('id', '=', importId).execute();
    await inTransaction(ctx, (tx) => audit(tx, actor, { action: 'member.import_failed', entity: 'import', entityId: importId, orgId: imp.org_id, detail: { ...progress, message } }));
  }
  // The rows now live in the database (rejected ones in import_errors); the upload is not kept.
  fs.rmSync(file, { force: true });
  return progress;
}

export class ImportFailed extends Error {}
