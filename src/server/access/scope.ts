import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './actor.js';
import { Errors } from '../http/errors.js';

/**
 * Organisation-subtree scope. Every query that returns org-owned rows applies
 * `orgIdInScope` in SQL, so lists, searches, counts, exports and imports cannot
 * reach outside the caller's subtree.
 */
export function scopePrefix(actor: Actor): string | null | false {
  if (actor.role === 'member') return false;
  if (actor.role === 'district_admin' || actor.role === 'auditor') return null;
  return actor.orgPath ?? false;
}

/** SQL condition: the org id in `column` lies inside the actor's subtree. */
export function orgIdInScope(actor: Actor, column: string): Expression<SqlBool> {
  const prefix = scopePrefix(actor);
  if (prefix === null) return sql<SqlBool>`true`;
  if (prefix === false) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} in (select id from orgs where path like ${prefix + '%'})`;
}

/** Whether an org (by its path) lies inside the actor's subtree. */
export function pathInScope(actor: Actor, path: string): boolean {
  const prefix = scopePrefix(actor);
  if (prefix === null) return true;
  if (prefix === false) return false;
  return path.startsWith(prefix);
}

export function assertPathInScope(actor: Actor, path: string): void {
  if (!pathInScope(actor, path)) throw Errors.outOfScope();
}

/** A member may read only their own person record. */
export function canReadPerson(actor: Actor, personId: number, orgPath: string | null): boolean {
  if (actor.role === 'member') return actor.personId === personId;
  return orgPath !== null && pathInScope(actor, orgPath);
}
