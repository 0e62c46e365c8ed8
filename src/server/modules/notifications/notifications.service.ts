import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../access/actor.js';
import { ROLE_PERMISSIONS, type Permission, type Role } from '../../access/roles.js';
import { Errors } from '../../http/errors.js';

/** In-app notices: what waits for the user, and what happened to their own applications. */
export interface Notice {
  kind: string;
  title: string;
  body?: string;
  /** console or portal path the notice opens */
  link?: string;
}

export async function notify(tx: Kdb, userIds: readonly number[], notice: Notice): Promise<void> {
  const ids = [...new Set(userIds)].filter((id) => id > 0);
  if (!ids.length) return;
  await tx.insertInto('notifications')
    .values(ids.map((user_id) => ({ user_id, kind: notice.kind, title: notice.title, body: notice.body ?? null, link: notice.link ?? null })))
    .execute();
}

/**
 * Active users who act for exactly this organisation with the permission by role
 * (district-level users have no org or the root org).
 */
export async function usersActingFor(tx: Kdb, org: { id: number; parentId: number | null }, permission: Permission): Promise<number[]> {
  const roles = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
  if (!roles.length) return [];
  let q = tx.selectFrom('users').select('id').where('disabled', '=', false).where('role', 'in', roles);
  q = org.parentId === null
    ? q.where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', '=', org.id)]))
    : q.where('org_id', '=', org.id);
  return (await q.execute()).map((r) => r.id);
}

export async function listNotifications(ctx: AppContext, actor: Actor, q: { unread?: boolean; limit?: number; offset?: number }) {
  let base = ctx.db.selectFrom('notifications').where('user_id', '=', actor.userId);
  if (q.unread) base = base.where('read_at', 'is', null);
  const [items, counts] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(q.limit ?? 20).offset(q.offset ?? 0).execute(),
    ctx.db.selectFrom('notifications').where('user_id', '=', actor.userId)
      .select([sql<number>`count(*)::int`.as('total'), sql<number>`(count(*) filter (where read_at is null))::int`.as('unread')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: counts.total,
    unread: counts.unread,
    items: items.map((n) => ({
      id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link,
      createdAt: new Date(n.created_at).toISOString(), readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
    })),
  };
}

export async function markRead(ctx: AppContext, actor: Actor, id: number | 'all'): Promise<void> {
  let q = ctx.db.updateTable('notifications').set({ read_at: sql`now()` }).where('user_id', '=', actor.userId).where('read_at', 'is', null);
  if (id !== 'all') {
    const own = await ctx.db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!own) throw Errors.notFound('通知', 'Notification');
    q = q.where('id', '=', id);
  }
  await q.execute();
}
