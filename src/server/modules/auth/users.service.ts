import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { require, type Actor } from '../../access/actor.js';
import { GRANTABLE, ROLES, type Role } from '../../access/roles.js';
import { assertPathInScope } from '../../access/scope.js';
import { AppError, Errors } from '../../http/errors.js';
import { checkPassword } from '../../../shared/password.js';
import { audit } from '../audit/audit.service.js';
import { hashPassword } from './auth.service.js';
import { findUserByName } from './users.repo.js';

/** A random password that satisfies the 等保 rules, shown once to whoever created it. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(14);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10)}A7`;
}

export interface NewUserInput {
  username: string;
  displayName?: string | null;
  role: Role;
  orgId?: number | null;
  personId?: number | null;
  permissions?: string[];
  password?: string;
  mustChangePassword?: boolean;
}

const USERNAME_RE = /^[a-zA-Z0-9_.@-]{3,40}$/;

function presentUser(u: { id: number; username: string; display_name: string | null; role: string; org_id: number | null; person_id: number | null; permissions: string[]; disabled: boolean; must_change_password: boolean; locked_until: Date | null; last_login_at: Date | null; org_name?: string | null }) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    orgId: u.org_id,
    orgName: u.org_name ?? null,
    personId: u.person_id,
    permissions: u.permissions,
    disabled: u.disabled,
    mustChangePassword: u.must_change_password,
    lockedUntil: u.locked_until ? new Date(u.locked_until).toISOString() : null,
    lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
  };
}

export async function createUser(ctx: AppContext, actor: Actor, input: NewUserInput) {
  require(actor, 'user.manage');
  const details = [];
  if (!USERNAME_RE.test(input.username)) {
    details.push({ field: 'username', code: 'USERNAME_FORMAT', message: '用户名应为3至40位字母、数字或 _ . @ -', messageEn: 'Username: 3–40 letters, digits or _ . @ -' });
  }
  if (!ROLES.includes(input.role)) details.push({ field: 'role', code: 'ROLE', message: '角色无效', messageEn: 'Unknown role' });
  if (input.role !== 'district_admin' && input.role !== 'auditor' && input.role !== 'member' && !input.orgId) {
    details.push({ field: 'orgId', code: 'ORG_REQUIRED', message: '该角色须指定所属组织', messageEn: 'This role needs an organisation' });
  }
  if (input.role === 'member' && !input.personId) {
    details.push({ field: 'personId', code: 'PERSON_REQUIRED', message: '会员账号须关联会员本人', messageEn: 'A member account needs a person record' });
  }
  const bad = (input.permissions ?? []).filter((p) => !(GRANTABLE as readonly string[]).includes(p));
  if (bad.length) details.push({ field: 'permissions', code: 'PERMISSION', message: `不可授予的权限：${bad.join('、')}`, messageEn: `Not grantable: ${bad.join(', ')}` });
  const generated = !input.password;
  const password = input.password ?? generatePassword();
  const problem = checkPassword(password, input.username);
  if (problem) details.push({ field: 'password', ...problem });
  if (details.length) throw Errors.validation(details);
  if (input.orgId) {
    const org = await ctx.db.selectFrom('orgs').select(['path']).where('id', '=', input.orgId).executeTakeFirst();
    if (!org) throw Errors.validation([{ field: 'orgId', code: 'ORG_NOT_FOUND', message: '所属组织不存在', messageEn: 'Organisation not found' }]);
    assertPathInScope(actor, org.path);
  }
  if (input.personId) {
    const person = await ctx.db.selectFrom('persons').select('id').where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw Errors.validation([{ field: 'personId', code: 'PERSON_NOT_FOUND', message: '关联的会员不存在', messageEn: 'Person not found' }]);
  }
  if (await findUserByName(ctx.db, input.username)) {
    throw Errors.conflict('USERNAME_TAKEN', `用户名“${input.username}”已被使用`, `Username ${input.username} is taken`, [{ field: 'username', code: 'USERNAME_TAKEN', message: '用户名已被使用' }]);
  }
  const passwordHash = await hashPassword(password);
  const user = await inTransaction(ctx, async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName ?? null,
        password_hash: passwordHash,
        role: input.role,
        org_id: input.orgId ?? null,
        person_id: input.personId ?? null,
        permissions: input.permissions ?? [],
        must_change_password: input.mustChangePassword ?? true,
        password_changed_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'user.create', entity: 'user', entityId: row.id, orgId: row.org_id, after: presentUser(row) });
    return row;
  });
  return { user: presentUser(user), password: generated ? password : undefined };
}

/** Set a new password (admin reset or CLI); the user must change it at next sign-in. */
export async function resetPassword(ctx: AppContext, actor: Actor, username: string, password?: string) {
  require(actor, 'user.manage');
  const user = await findUserByName(ctx.db, username);
  if (!user) throw Errors.notFound('用户', 'User');
  const next = password ?? generatePassword();
  const problem = checkPassword(next, username);
  if (problem) throw Errors.validation([{ field: 'password', ...problem }]);
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx, async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: new Date(), failed_logins: 0, locked_until: null, updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await audit(tx, actor, { action: 'user.password_reset', entity: 'user', entityId: user.id, orgId: user.org_id });
  });
  return { password: password ? undefined : next };
}

export async function listUsers(ctx: AppContext, actor: Actor, q: { q?: string; page: number; pageSize: number }) {
  require(actor, 'user.manage');
  let base = ctx.db.selectFrom('users as u').leftJoin('orgs as o', 'o.id', 'u.org_id');
  if (q.q) base = base.where((eb) => eb.or([eb('u.username', 'like', `%${q.q}%`), eb('u.display_name', 'like', `%${q.q}%`)]));
  const [rows, total] = await Promise.all([
    base.selectAll('u').select('o.name as org_name').orderBy('u.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentUser), total: total.n };
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, patch: { displayName?: string | null; permissions?: string[]; disabled?: boolean; unlock?: boolean }) {
  require(actor, 'user.manage');
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw Errors.notFound('用户', 'User');
  if (user.id === actor.userId && patch.disabled) throw new AppError(409, 'SELF_DISABLE', '不能停用自己的账号', 'You cannot disable your own account');
  const bad = (patch.permissions ?? []).filter((p) => !(GRANTABLE as readonly string[]).includes(p));
  if (bad.length) throw Errors.validation([{ field: 'permissions', code: 'PERMISSION', message: `不可授予的权限：${bad.join('、')}`, messageEn: `Not grantable: ${bad.join(', ')}` }]);
  return inTransaction(ctx, async (tx) => {
    const row = await tx
      .updateTable('users')
      .set({
        display_name: patch.displayName === undefined ? user.display_name : patch.displayName,
        permissions: patch.permissions ?? user.permissions,
        disabled: patch.disabled ?? user.disabled,
        ...(patch.unlock ? { locked_until: null, failed_logins: 0 } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (row.disabled) await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await audit(tx, actor, { action: 'user.update', entity: 'user', entityId: id, orgId: row.org_id, before: presentUser(user), after: presentUser(row) });
    return presentUser(row);
  });
}
