import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope, scopePrefix } from '../../access/scope.js';

export interface AuditEntry {
  action: string;
  entity?: string;
  entityId?: string | number;
  orgId?: number | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function insertAudit(db: Kdb, actor: Actor, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: actor.userId || null,
      username: actor.username,
      action: e.action,
      entity: e.entity ?? null,
      entity_id: e.entityId === undefined ? null : String(e.entityId),
      org_id: e.orgId ?? null,
      before: json(e.before),
      after: json(e.after),
      detail: json(e.detail),
      ip: actor.ip ?? null,
    })
    .execute();
}

export interface AuditQuery {
  action?: string;
  entity?: string;
  entityId?: string;
  username?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Kdb, actor: Actor, q: AuditQuery) {
  let base = db.selectFrom('audit_log');
  // Org admins see the entries about their subtree; district staff and auditors see all.
  if (scopePrefix(actor) !== null) base = base.where(orgIdInScope(actor, 'audit_log.org_id'));
  if (q.action) base = base.where('action', 'like', `${q.action}%`);
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.entityId) base = base.where('entity_id', '=', q.entityId);
  if (q.username) base = base.where('username', '=', q.username);
  if (q.from) base = base.where(sql<boolean>`at >= ${q.from}::date`);
  if (q.to) base = base.where(sql<boolean>`at < ${q.to}::date + 1`);
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}
