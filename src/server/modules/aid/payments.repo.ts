/** All SQL of payment batches: generic over approved applications of any type. */
import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope } from '../../access/scope.js';

export interface PayableQuery {
  type?: string;
  typePrefix?: string;
  period?: string;
  orgPath?: string;
}

/** Approved applications not yet in any batch (an application enters one batch at most). */
function payableBase(db: Kdb, actor: Actor, q: PayableQuery) {
  let b = db.selectFrom('applications as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .leftJoin('persons as p', 'p.id', 'a.person_id')
    .where('a.status', '=', 'approved')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('payment_batch_items as i').select('i.application_id').whereRef('i.application_id', '=', 'a.id'))))
    .where(orgIdInScope(actor, 'a.org_id'));
  if (q.type) b = b.where('a.type', '=', q.type);
  if (q.typePrefix) b = b.where('a.type', 'like', `${q.typePrefix}%`);
  if (q.period) b = b.where('a.period_key', '=', q.period);
  if (q.orgPath) b = b.where('o.path', 'like', `${q.orgPath}%`);
  return b;
}

export async function listPayable(db: Kdb, actor: Actor, q: PayableQuery & { page: number; pageSize: number }) {
  const base = payableBase(db, actor, q);
  const [items, sums] = await Promise.all([
    base.select(['a.id', 'a.type', 'a.title', 'a.approved_fen', 'a.period_key', 'a.decided_at', 'a.payee_name', 'a.payee_account_masked', 'o.name as org_name', 'p.name as person_name'])
      .orderBy('a.decided_at').orderBy('a.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(a.approved_fen), 0)::bigint`.as('fen')]).executeTakeFirstOrThrow(),
  ]);
  return { items, total: sums.n, totalFen: Number(sums.fen) };
}

/** Ids of every payable application matching the filter, oldest decision first. */
export async function payableIds(db: Kdb, actor: Actor, q: PayableQuery, limit: number) {
  const rows = await payableBase(db, actor, q).select('a.id').orderBy('a.decided_at').orderBy('a.id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** The chosen applications, locked until the batch commits. */
export function lockApplications(tx: Kdb, ids: number[]) {
  return tx.selectFrom('applications as a').innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.type', 'a.status', 'a.approved_fen', 'a.payee_account_enc', 'a.title', 'o.path as org_path'])
    .where('a.id', 'in', ids).orderBy('a.id').forUpdate('a').execute();
}

export function batchedIds(tx: Kdb, ids: number[]) {
  return tx.selectFrom('payment_batch_items').select(['application_id', 'batch_id']).where('application_id', 'in', ids).execute();
}

/** Batches with at least one application the actor may see; counts and sums over those. */
export async function listBatches(db: Kdb, actor: Actor, q: { status?: string; page: number; pageSize: number }) {
  const visible = db.selectFrom('payment_batch_items as i').innerJoin('applications as a', 'a.id', 'i.application_id')
    .select(['i.batch_id', sql<number>`count(*)::int`.as('n'), sql<number>`sum(i.amount_fen)::bigint`.as('fen')])
    .where(orgIdInScope(actor, 'a.org_id')).groupBy('i.batch_id');
  let base = db.selectFrom('payment_batches as b').innerJoin(visible.as('v'), 'v.batch_id', 'b.id').leftJoin('users as u', 'u.id', 'b.created_by');
  if (q.status) base = base.where('b.status', '=', q.status as 'open' | 'paid');
  const [items, total] = await Promise.all([
    base.selectAll('b').select(['v.n as visible_count', 'v.fen as visible_fen', 'u.username as created_by_name'])
      .orderBy('b.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export function findBatch(db: Kdb, id: number) {
  return db.selectFrom('payment_batches as b').leftJoin('users as u', 'u.id', 'b.created_by').leftJoin('users as pu', 'pu.id', 'b.paid_by')
    .selectAll('b').select(['u.username as created_by_name', 'pu.username as paid_by_name']).where('b.id', '=', id).executeTakeFirst();
}

/** The batch's items the actor may see, in bank-file order, with what the bank file needs. */
export function batchItems(db: Kdb, actor: Actor, batchId: number) {
  return db.selectFrom('payment_batch_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .leftJoin('persons as p', 'p.id', 'a.person_id')
    .leftJoin('aid_applications as d', 'd.application_id', 'a.id')
    .select(['i.seq', 'i.amount_fen', 'a.id as application_id', 'a.type', 'a.title', 'a.status', 'a.period_key', 'a.payee_name', 'a.payee_account_enc', 'a.payee_account_masked',
      'o.name as org_name', 'p.name as person_name', 'p.id_masked', 'd.payee_bank'])
    .where('i.batch_id', '=', batchId).where(orgIdInScope(actor, 'a.org_id'))
    .orderBy('i.seq').execute();
}
