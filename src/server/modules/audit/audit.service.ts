import type { Kdb } from '../../db/connection.js';
import { require, type Actor } from '../../access/actor.js';
import type { AppContext } from '../../context.js';
import { insertAudit, listAudit, type AuditEntry, type AuditQuery } from './audit.repo.js';

export type { AuditEntry };

/** Append one audit entry inside the caller's transaction. */
export function audit(tx: Kdb, actor: Actor, entry: AuditEntry): Promise<void> {
  return insertAudit(tx, actor, entry);
}

export async function searchAudit(ctx: AppContext, actor: Actor | undefined, q: AuditQuery) {
  const a = require(actor, 'audit.read');
  const { items, total } = await listAudit(ctx.db, a, q);
  return {
    total,
    items: items.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      userId: r.user_id,
      username: r.username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      orgId: r.org_id,
      before: r.before ?? null,
      after: r.after ?? null,
      detail: r.detail ?? null,
      ip: r.ip,
    })),
  };
}
