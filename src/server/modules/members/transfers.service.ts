import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { require, type Actor } from '../../access/actor.js';
import { orgIdInScope, pathInScope } from '../../access/scope.js';
import { AppError, Errors } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { findOrg, loadOrgInScope } from '../orgs/orgs.service.js';
import { assertHoldsMembers } from './members.service.js';
import * as repo from './members.repo.js';

/**
 * 会籍接转: the outgoing union requests (在会 → 转出中), the receiving union accepts
 * (a new 在会 membership there, the old one ends) or rejects (back to 在会).
 * Decided transfers are immutable (a database trigger refuses changes).
 */
export async function requestTransfer(ctx: AppContext, actor: Actor, personId: number, input: { toOrgId: number; reason: string }) {
  require(actor, 'member.transfer');
  const m = await repo.currentMembership(ctx.db, personId);
  if (!m) throw Errors.notFound('会员', 'Member');
  if (!pathInScope(actor, m.org_path)) throw Errors.outOfScope();
  if (m.status !== 'active') throw new AppError(409, 'BAD_STATUS', '只有“在会”状态的会员可以办理转出', 'Only an active membership can be transferred');
  const to = await findOrg(ctx, input.toOrgId);
  if (!to) throw Errors.validation([{ field: 'toOrgId', code: 'ORG_NOT_FOUND', message: '接收组织不存在', messageEn: 'Receiving organisation not found' }]);
  assertHoldsMembers(to);
  if (to.id === m.org_id) throw Errors.validation([{ field: 'toOrgId', code: 'SAME_ORG', message: '接收组织与当前组织相同', messageEn: 'Same organisation' }]);
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.updateTable('memberships').set({ status: 'transferring', updated_at: new Date() }).where('id', '=', m.id).where('status', '=', 'active').executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'CONCURRENT_CHANGE', '会籍状态已被他人修改，请刷新', 'Changed by someone else; reload');
    const t = await tx
      .insertInto('membership_transfers')
      .values({ person_id: personId, from_membership_id: m.id, from_org_id: m.org_id, to_org_id: to.id, reason: input.reason, requested_by: actor.userId || null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.insertInto('membership_events').values({ person_id: personId, membership_id: m.id, event: 'transfer_requested', from_org_id: m.org_id, to_org_id: to.id, reason: input.reason, actor_user_id: actor.userId || null }).execute();
    await audit(tx, actor, { action: 'member.transfer_request', entity: 'transfer', entityId: t.id, orgId: m.org_id, after: { personId, fromOrgId: m.org_id, toOrgId: to.id, reason: input.reason } });
    return presentTransfer({ ...t, from_org_name: m.org_name, to_org_name: to.name, person_name: null });
  });
}

async function loadPending(ctx: AppContext, id: number) {
  const t = await ctx.db.selectFrom('membership_transfers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw Errors.notFound('接转申请', 'Transfer');
  if (t.status !== 'pending') throw new AppError(409, 'TRANSFER_DECIDED', '该接转申请已处理', 'This transfer was already decided');
  return t;
}

export async function decideTransfer(ctx: AppContext, actor: Actor, id: number, decision: 'accept' | 'reject' | 'cancel', note?: string) {
  require(actor, 'member.transfer');
  const t = await loadPending(ctx, id);
  // The receiving union accepts or rejects; the sending union may cancel.
  const side = decision === 'cancel' ? t.from_org_id : t.to_org_id;
  const sideOrg = await loadOrgInScope(ctx, actor, side);
  // The destination may have been closed while the transfer waited.
  if (decision === 'accept') assertHoldsMembers(sideOrg);
  return inTransaction(ctx, async (tx) => {
    const status = decision === 'accept' ? 'accepted' : decision === 'reject' ? 'rejected' : 'cancelled';
    let newMembershipId: number | null = null;
    const old = await tx.selectFrom('memberships').selectAll().where('id', '=', t.from_membership_id).executeTakeFirstOrThrow();
    if (decision === 'accept') {
      await tx.updateTable('memberships').set({ status: 'left', status_reason: '会籍转出', ended_on: sql`current_date`, updated_at: new Date() }).where('id', '=', old.id).execute();
      // 一次入会: the join date moves with the member.
      const nm = await tx
        .insertInto('memberships')
        .values({ person_id: t.person_id, org_id: t.to_org_id, enterprise_id: t.to_enterprise_id, status: 'active', joined_on: old.joined_on, join_method: old.join_method, card_no: old.card_no, status_reason: '会籍转入' })
        .returning('id')
        .executeTakeFirstOrThrow();
      newMembershipId = nm.id;
    } else {
      await tx.updateTable('memberships').set({ status: 'active', updated_at: new Date() }).where('id', '=', old.id).execute();
    }
    const done = await tx
      .updateTable('membership_transfers')
      .set({ status, decided_by: actor.userId || null, decided_at: new Date(), decision_note: note ?? null, new_membership_id: newMembershipId })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!done) throw new AppError(409, 'TRANSFER_DECIDED', '该接转申请已处理', 'This transfer was already decided');
    await tx.insertInto('membership_events').values({ person_id: t.person_id, membership_id: newMembershipId ?? old.id, event: `transfer_${status}`, from_org_id: t.from_org_id, to_org_id: t.to_org_id, reason: note ?? null, actor_user_id: actor.userId || null }).execute();
    await audit(tx, actor, { action: `member.transfer_${decision}`, entity: 'transfer', entityId: id, orgId: side, before: { status: 'pending' }, after: { status, note: note ?? null, newMembershipId } });
    return { id, status, newMembershipId };
  });
}

export async function listTransfers(ctx: AppContext, actor: Actor, q: { direction: 'in' | 'out'; status?: string; page: number; pageSize: number }) {
  require(actor, 'member.transfer');
  const col = q.direction === 'in' ? 't.to_org_id' : 't.from_org_id';
  let base = ctx.db
    .selectFrom('membership_transfers as t')
    .innerJoin('persons as p', 'p.id', 't.person_id')
    .innerJoin('orgs as f', 'f.id', 't.from_org_id')
    .innerJoin('orgs as o', 'o.id', 't.to_org_id')
    .where(orgIdInScope(actor, col));
  if (q.status) base = base.where('t.status', '=', q.status);
  const [rows, total] = await Promise.all([
    base.selectAll('t').select(['p.name as person_name', 'f.name as from_org_name', 'o.name as to_org_name']).orderBy('t.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentTransfer), total: total.n };
}

function presentTransfer(t: { id: number; person_id: number; from_org_id: number; to_org_id: number; reason: string | null; status: string; requested_at: Date; decided_at: Date | null; decision_note: string | null; from_org_name: string; to_org_name: string; person_name: string | null }) {
  return {
    id: t.id,
    personId: t.person_id,
    personName: t.person_name,
    fromOrgId: t.from_org_id,
    fromOrgName: t.from_org_name,
    toOrgId: t.to_org_id,
    toOrgName: t.to_org_name,
    reason: t.reason,
    status: t.status,
    requestedAt: new Date(t.requested_at).toISOString(),
    decidedAt: t.decided_at ? new Date(t.decided_at).toISOString() : null,
    decisionNote: t.decision_note,
  };
}
