import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { require, type Actor } from '../../access/actor.js';
import { assertPathInScope, orgIdInScope } from '../../access/scope.js';
import { Errors } from '../../http/errors.js';
import { MEMBER_COLUMNS } from '../../excel/roster-reader.js';
import { writeErrorWorkbook } from '../../excel/error-workbook.js';
import { writeMemberTemplate } from '../../excel/roster-template.js';
import { EDUCATION, EMPLOYMENT_STATUS, ETHNICITIES, HOUSEHOLD_TYPES, JOIN_METHODS, POLITICAL_STATUS, SKILL_LEVELS } from '../../../shared/codes/index.js';
import { assertHoldsMembers } from '../members/members.service.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';

export const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

export function importDir(ctx: AppContext): string {
  const dir = path.join(ctx.config.dataDir, 'imports');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Registers an import of an uploaded file into an org the actor holds; the file moves under the data folder. */
export async function createMemberImport(ctx: AppContext, actor: Actor, orgId: number, upload: { tmpPath: string; filename: string }) {
  require(actor, 'member.import');
  const org = await loadOrgInScope(ctx, actor, orgId);
  assertHoldsMembers(org);
  const row = await ctx.db
    .insertInto('imports')
    .values({ kind: 'members', org_id: org.id, user_id: actor.userId || null, filename: upload.filename.slice(0, 200) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const file = path.join(importDir(ctx), `${row.id}.xlsx`);
  fs.renameSync(upload.tmpPath, file);
  return { id: row.id, file };
}

async function loadImport(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'member.import');
  const imp = await ctx.db.selectFrom('imports as i').innerJoin('orgs as o', 'o.id', 'i.org_id').selectAll('i').select(['o.path as org_path', 'o.name as org_name']).where('i.id', '=', id).executeTakeFirst();
  if (!imp) throw Errors.notFound('导入任务', 'Import');
  assertPathInScope(actor, imp.org_path);
  return imp;
}

export async function getImport(ctx: AppContext, actor: Actor, id: number, errorLimit = 200) {
  const imp = await loadImport(ctx, actor, id);
  const errs = await ctx.db.selectFrom('import_errors').select(['row_no', 'errors']).where('import_id', '=', id).orderBy('row_no').limit(errorLimit).execute();
  return {
    id: imp.id,
    orgId: imp.org_id,
    orgName: imp.org_name,
    filename: imp.filename,
    status: imp.status,
    message: imp.message,
    total: imp.total,
    imported: imp.imported,
    rejected: imp.rejected,
    errors: errs.flatMap((e) => (e.errors as { column: string; code: string; reason: string }[]).map((x) => ({ row: e.row_no, column: x.column, code: x.code, reason: x.reason }))),
    createdAt: new Date(imp.created_at).toISOString(),
    finishedAt: imp.finished_at ? new Date(imp.finished_at).toISOString() : null,
  };
}

export async function listImports(ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }) {
  require(actor, 'member.import');
  const base = ctx.db.selectFrom('imports as i').innerJoin('orgs as o', 'o.id', 'i.org_id').where(orgIdInScope(actor, 'i.org_id'));
  const [items, total] = await Promise.all([
    base.selectAll('i').select('o.name as org_name').orderBy('i.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.n,
    items: items.map((i) => ({ id: i.id, orgId: i.org_id, orgName: i.org_name, filename: i.filename, status: i.status, total: i.total, imported: i.imported, rejected: i.rejected, createdAt: new Date(i.created_at).toISOString() })),
  };
}

/** The rejected rows as a workbook to fix and upload again. */
export async function writeImportErrors(ctx: AppContext, actor: Actor, id: number, out: NodeJS.WritableStream) {
  await loadImport(ctx, actor, id);
  const db = ctx.db;
  async function* rows() {
    let after = 0;
    for (;;) {
      const batch = await db.selectFrom('import_errors').selectAll().where('import_id', '=', id).where('row_no', '>', after).orderBy('row_no').limit(2000).execute();
      for (const r of batch) {
        yield { row: r.row_no, values: r.row_values as Record<string, unknown>, errors: (r.errors as { column: string; reason: string }[]).map((e) => ({ column: e.column, message: e.reason })) };
      }
      if (batch.length < 2000) return;
      after = batch[batch.length - 1].row_no;
    }
  }
  await writeErrorWorkbook(out, MEMBER_COLUMNS, rows());
}

export function writeTemplate(out: NodeJS.WritableStream) {
  const names = (t: readonly { name: string }[]) => t.map((e) => e.name);
  return writeMemberTemplate(out, {
    gender: ['男', '女'],
    ethnicity: ETHNICITIES.map((e) => e.name + (e.code <= '56' ? '族' : '')),
    education: names(EDUCATION),
    political: names(POLITICAL_STATUS),
    householdType: names(HOUSEHOLD_TYPES),
    employmentStatus: names(EMPLOYMENT_STATUS),
    skillLevel: names(SKILL_LEVELS),
    joinMethod: names(JOIN_METHODS),
    yesNo: ['是', '否'],
  });
}
