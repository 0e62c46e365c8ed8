import { ROLE_PERMISSIONS, GRANTABLE, type Permission, type Role } from './roles.js';
import { Errors } from '../http/errors.js';

/** Who is acting: the signed-in user with the organisation subtree they may reach. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  orgId: number | null;
  /** materialised path of the scope root, e.g. '/1/7/'; null means the whole district */
  orgPath: string | null;
  personId: number | null;
  permissions: ReadonlySet<Permission>;
  ip?: string;
}

export function buildPermissions(role: Role, grants: readonly string[]): Set<Permission> {
  const set = new Set<Permission>(ROLE_PERMISSIONS[role]);
  for (const g of grants) if ((GRANTABLE as readonly string[]).includes(g) && role !== 'member') set.add(g as Permission);
  return set;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function require(actor: Actor | undefined, permission: Permission): Actor {
  if (!actor) throw Errors.unauthenticated();
  if (!actor.permissions.has(permission)) throw Errors.forbidden();
  return actor;
}

/** A system actor for CLI commands run by the operator on the server itself. */
export function systemActor(username = 'system'): Actor {
  return {
    userId: 0,
    username,
    role: 'district_admin',
    orgId: null,
    orgPath: null,
    personId: null,
    permissions: new Set(ROLE_PERMISSIONS.district_admin),
  };
}
