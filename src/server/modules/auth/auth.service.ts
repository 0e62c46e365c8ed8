import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { buildPermissions, systemActor, type Actor } from '../../access/actor.js';
import type { Role } from '../../access/roles.js';
import { AppError, Errors } from '../../http/errors.js';
import { checkPassword } from '../../../shared/password.js';
import { audit } from '../audit/audit.service.js';
import { findSessionUser, findUserById, findUserByName } from './users.repo.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 30;
export const PASSWORD_MAX_AGE_DAYS = 90;

// argon2id (the library's default algorithm) with OWASP-recommended cost.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const hashPassword = (pw: string) => hash(pw, ARGON);

// Verifying against a dummy hash for unknown users keeps response times alike.
let dummyHash: Promise<string> | undefined;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  mustChangePassword: boolean;
  displayName: string | null;
  orgName: string | null;
}

export function passwordExpired(changedAt: Date | string | null): boolean {
  if (!changedAt) return false;
  return Date.now() - new Date(changedAt).getTime() > PASSWORD_MAX_AGE_DAYS * 86400_000;
}

export async function login(ctx: AppContext, username: string, password: string, meta: { ip?: string; userAgent?: string }) {
  const user = await findUserByName(ctx.db, username.trim());
  const fail = (code: string, msg: string, msgEn: string) => new AppError(401, code, msg, msgEn);
  if (!user) {
    dummyHash ??= hashPassword('dummy-password-Aa1!');
    await verify(await dummyHash, password).catch(() => false);
    throw fail('BAD_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');
  }
  const actorOf = { ...systemActor(user.username), userId: user.id, ip: meta.ip };
  if (user.disabled) throw fail('ACCOUNT_DISABLED', '该账号已停用，请联系管理员', 'This account is disabled');
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    const minutes = Math.ceil((new Date(user.locked_until).getTime() - Date.now()) / 60_000);
    throw fail('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定，请${minutes}分钟后再试`, `Too many failed sign-ins; try again in ${minutes} minutes`);
  }
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) {
    const failed = user.failed_logins + 1;
    const locks = failed >= MAX_FAILED_LOGINS;
    await inTransaction(ctx, async (tx) => {
      await tx
        .updateTable('users')
        .set({
          failed_logins: locks ? 0 : failed,
          locked_until: locks ? new Date(Date.now() + LOCK_MINUTES * 60_000) : user.locked_until,
        })
        .where('id', '=', user.id)
        .execute();
      await audit(tx, actorOf, { action: locks ? 'auth.lock' : 'auth.login_failed', entity: 'user', entityId: user.id, detail: { failed } });
    });
    if (locks) {
      throw fail('ACCOUNT_LOCKED', `连续${MAX_FAILED_LOGINS}次登录失败，账号已锁定${LOCK_MINUTES}分钟`, `Account locked for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} failed sign-ins`);
    }
    const left = MAX_FAILED_LOGINS - failed;
    throw fail('BAD_CREDENTIALS', `用户名或密码错误，再失败${left}次账号将被锁定`, `Wrong username or password; ${left} attempts left before lock-out`);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await inTransaction(ctx, async (tx) => {
    await tx
      .insertInto('sessions')
      .values({
        id: sha256(token),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + ctx.config.sessionMaxMs),
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: new Date() }).where('id', '=', user.id).execute();
    await audit(tx, actorOf, { action: 'auth.login', entity: 'user', entityId: user.id, orgId: user.org_id });
  });
  return { token, session: (await sessionFromToken(ctx, token))! };
}

export async function sessionFromToken(ctx: AppContext, token: string): Promise<SessionInfo | null> {
  const id = sha256(token);
  const row = await findSessionUser(ctx.db, id);
  if (!row || row.disabled) return null;
  const now = Date.now();
  const idle = now - new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() < now || idle > ctx.config.sessionIdleMs) {
    await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // Touch at most once a minute so hot read paths do not write on every request.
  if (idle > 60_000) await ctx.db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
  const role = row.role as Role;
  return {
    actor: {
      userId: row.id,
      username: row.username,
      role,
      orgId: row.org_id,
      orgPath: row.org_path ?? null,
      personId: row.person_id,
      permissions: buildPermissions(role, row.permissions),
    },
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password || passwordExpired(row.password_changed_at),
    displayName: row.display_name,
    orgName: row.org_name ?? null,
  };
}

export async function logout(ctx: AppContext, token: string, actor: Actor): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
    await audit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId });
  });
}

export async function changePassword(ctx: AppContext, actor: Actor, current: string, next: string, keepToken?: string): Promise<void> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw Errors.unauthenticated();
  if (!(await verify(user.password_hash, current).catch(() => false))) {
    throw Errors.validation([{ field: 'currentPassword', code: 'BAD_PASSWORD', message: '当前密码不正确', messageEn: 'Current password is wrong' }]);
  }
  const problem = checkPassword(next, user.username);
  if (problem) throw Errors.validation([{ field: 'newPassword', ...problem }]);
  if (await verify(user.password_hash, next).catch(() => false)) {
    throw Errors.validation([{ field: 'newPassword', code: 'PASSWORD_REUSED', message: '新密码不能与当前密码相同', messageEn: 'New password must differ from the current one' }]);
  }
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx, async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    // Other sessions of this user end: a changed password should lock out whoever else had it.
    let del = tx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (keepToken) del = del.where('id', '<>', sha256(keepToken));
    await del.execute();
    await audit(tx, actor, { action: 'auth.password_change', entity: 'user', entityId: user.id });
  });
}

export async function pruneSessions(ctx: AppContext): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).execute();
}
