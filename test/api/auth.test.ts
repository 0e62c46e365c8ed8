import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/server/access/actor.js';
import { createUser } from '../../src/server/modules/auth/users.service.js';
import { PASSWORD, buildWorld, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { auditOf, expectError, expectOk, hasChinese } from './util.js';

let t: TestApp;
let world: World;
let admin: Agent;

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

async function newUser(username: string, opts: { mustChangePassword?: boolean; password?: string } = {}) {
  const { user } = await createUser(t.ctx, systemActor('test'), {
    username, role: 'org_admin', orgId: world.townA, password: opts.password ?? PASSWORD, mustChangePassword: opts.mustChangePassword ?? false,
  });
  return user;
}

beforeAll(async () => {
  t = await testApp();
  world = await buildWorld(t.ctx);
  admin = await signIn(t.app, 'admin', PASSWORD);
});
afterAll(() => t?.close());

describe('login', () => {
  it('returns a CSRF token and sets an HttpOnly, SameSite session cookie', async () => {
    const res = await login('town_a', PASSWORD);
    const body = expectOk(res);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).toMatchObject({ username: 'town_a', role: 'org_admin', orgId: world.townA });
    expect(body.mustChangePassword).toBe(false);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^gh_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie.split(';')[0] } });
    expect(expectOk(me).user.username).toBe('town_a');
  });

  it('refuses a wrong password with 401 BAD_CREDENTIALS and the attempts left', async () => {
    await newUser('wrong_pw');
    const e1 = expectError(await login('wrong_pw', 'Nope-Passw0rd'), 401, 'BAD_CREDENTIALS');
    expect(e1.message).toContain('再失败4次');
    const e2 = expectError(await login('wrong_pw', 'Nope-Passw0rd', { 'accept-language': 'en' }), 401, 'BAD_CREDENTIALS');
    expect(e2.message).toBe('Wrong username or password; 3 attempts left before lock-out');
    // An unknown user gets the same code, so usernames cannot be probed.
    expectError(await login('nobody_here', 'Nope-Passw0rd'), 401, 'BAD_CREDENTIALS');
    // A success resets the counter.
    expectOk(await login('wrong_pw', PASSWORD));
    expect(expectError(await login('wrong_pw', 'Nope-Passw0rd'), 401).message).toContain('再失败4次');
  });

  it('locks the account after 5 failures and then refuses even the right password', async () => {
    await newUser('lock_me');
    for (let i = 0; i < 4; i++) expectError(await login('lock_me', `Bad-Passw0rd${i}`), 401, 'BAD_CREDENTIALS');
    const locked = expectError(await login('lock_me', 'Bad-Passw0rd4'), 401, 'ACCOUNT_LOCKED');
    expect(locked.message).toContain('锁定');
    const still = expectError(await login('lock_me', PASSWORD), 401, 'ACCOUNT_LOCKED');
    expect(still.message).toMatch(/\d+分钟后再试/);

    const locks = await auditOf(admin, 'auth.lock');
    const user = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'lock_me').executeTakeFirstOrThrow();
    expect(locks.some((e) => e.entityId === String(user.id))).toBe(true);

    // The lock lapses by itself once its time has passed…
    await t.ctx.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    expectOk(await login('lock_me', PASSWORD));
    for (let i = 0; i < 5; i++) await login('lock_me', `Bad-Passw0rd${i}`);
    expectError(await login('lock_me', PASSWORD), 401, 'ACCOUNT_LOCKED');
    // …or an administrator unlocks; the right password works again.
    expectOk(await admin.patch(`/api/v1/users/${user.id}`, { unlock: true }));
    expectOk(await login('lock_me', PASSWORD));
  });

  it('a disabled account loses its sessions and cannot sign in', async () => {
    const user = await newUser('to_disable');
    const a = await signIn(t.app, 'to_disable', PASSWORD);
    expectOk(await admin.patch(`/api/v1/users/${user.id}`, { disabled: true }));
    expectError(await a.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await login('to_disable', PASSWORD), 401, 'ACCOUNT_DISABLED');
    expectOk(await admin.patch(`/api/v1/users/${user.id}`, { disabled: false }));
    expectOk(await login('to_disable', PASSWORD));
  });

  it('writes auth.login to the audit log', async () => {
    await newUser('audited');
    await login('audited', PASSWORD);
    const entries = await auditOf(admin, 'auth.login', '&username=audited');
    expect(entries.filter((e) => e.action === 'auth.login')).toHaveLength(1);
  });
});

describe('session and CSRF', () => {
  it('/auth/me without a cookie is 401, in Chinese by default and English on request', async () => {
    const zh = expectError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
    expect(zh.message).toBe('请先登录');
    const en = expectError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'accept-language': 'en-US,en;q=0.9' } }), 401, 'UNAUTHENTICATED');
    expect(en.message).toBe('Please sign in');
    expect(en.details).toEqual([]);
  });

  it('a bogus session cookie counts as signed out', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: { cookie: 'gh_session=forged' } }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without or with a wrong X-CSRF-Token', async () => {
    const a = await signIn(t.app, 'town_a', PASSWORD);
    const body = { parentId: world.townA, name: '鼓楼CSRF测试工会', type: 'grassroots' };
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', payload: body, headers: { cookie: a.cookie } });
    expectError(without, 403, 'CSRF');
    const wrong = await a.inject({ method: 'POST', url: '/api/v1/orgs', payload: body, headers: { 'x-csrf-token': 'x'.repeat(32) } });
    expectError(wrong, 403, 'CSRF');
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', payload: body, headers: { cookie: a.cookie, 'accept-language': 'en' } });
    expect(expectError(en, 403, 'CSRF').message).toMatch(/CSRF/);
    // Nothing was created; with the right token the same request goes through.
    expect(expectOk(await a.get(`/api/v1/orgs?q=${encodeURIComponent('鼓楼CSRF测试工会')}`)).total).toBe(0);
    expectOk(await a.post('/api/v1/orgs', body), 201);
  });

  it('a session idle for longer than the limit ends', async () => {
    const a = await signIn(t.app, 'union_a', PASSWORD);
    expectOk(await a.get('/api/v1/auth/me'));
    const idleMinutes = t.ctx.config.sessionIdleMs / 60_000;
    await t.ctx.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - (idleMinutes + 1) * 60_000) })
      .where('user_id', '=', (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'union_a').executeTakeFirstOrThrow()).id).execute();
    expectError(await a.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('logout ends the session', async () => {
    const a = await signIn(t.app, 'town_b', PASSWORD);
    expectOk(await a.get('/api/v1/auth/me'));
    expectOk(await a.post('/api/v1/auth/logout'));
    expectError(await a.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await a.get('/api/v1/members'), 401, 'UNAUTHENTICATED');
  });
});

describe('password changes', () => {
  it('a user who must change the password is held to /auth/me and /auth/password', async () => {
    await newUser('fresh_user', { mustChangePassword: true });
    const a = await signIn(t.app, 'fresh_user', PASSWORD);
    const me = expectOk(await a.get('/api/v1/auth/me'));
    expect(me.mustChangePassword).toBe(true);
    expectError(await a.get('/api/v1/members'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await a.get('/api/v1/orgs?tree=1'), 403, 'PASSWORD_CHANGE_REQUIRED');

    expectOk(await a.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Fresh-Start-42' }));
    expect(expectOk(await a.get('/api/v1/auth/me')).mustChangePassword).toBe(false);
    expectOk(await a.get('/api/v1/members'));
  });

  it('a password older than 90 days must be changed', async () => {
    const user = await newUser('old_pw');
    await t.ctx.db.updateTable('users').set({ password_changed_at: new Date(Date.now() - 91 * 86400_000) }).where('id', '=', user.id).execute();
    const a = await signIn(t.app, 'old_pw', PASSWORD);
    expect(expectOk(await a.get('/api/v1/auth/me')).mustChangePassword).toBe(true);
    expectError(await a.get('/api/v1/members'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectOk(await a.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Renewed-Pw-2024' }));
    expectOk(await a.get('/api/v1/members'));
  });

  it('createUser requires a password change by default', async () => {
    const { user } = await createUser(t.ctx, systemActor('test'), { username: 'default_user', role: 'auditor', password: PASSWORD });
    expect(user.mustChangePassword).toBe(true);
    const a = await signIn(t.app, 'default_user', PASSWORD);
    expectError(await a.get('/api/v1/audit'), 403, 'PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses weak new passwords with a Chinese message on the field', async () => {
    await newUser('rules_user');
    const a = await signIn(t.app, 'rules_user', PASSWORD);
    const cases: [string, string][] = [
      ['Ab1!', 'PASSWORD_LENGTH'],
      ['onlylowercase123', 'PASSWORD_WEAK'],
      ['Rules_User-2024', 'PASSWORD_CONTAINS_USERNAME'],
    ];
    for (const [pw, code] of cases) {
      const e = expectError(await a.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: pw }), 400, 'VALIDATION');
      expect(e.details).toHaveLength(1);
      expect(e.details[0]).toMatchObject({ field: 'newPassword', code });
      expect(hasChinese(e.details[0].message)).toBe(true);
    }
    const en = await a.inject({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'short' }, headers: { 'accept-language': 'en' } });
    expect(expectError(en, 400).details[0].message).toBe('Password must be 8–128 characters long');

    const wrongCurrent = expectError(await a.post('/api/v1/auth/password', { currentPassword: 'Not-The-0ne', newPassword: 'Good-Passw0rd-9' }), 400);
    expect(wrongCurrent.details[0]).toMatchObject({ field: 'currentPassword', code: 'BAD_PASSWORD' });
    // The password is unchanged after every refusal.
    expectOk(await login('rules_user', PASSWORD));
  });

  it('after a change the old password no longer works, other sessions end, and it is audited', async () => {
    const user = await newUser('changer');
    const a = await signIn(t.app, 'changer', PASSWORD);
    const other = await signIn(t.app, 'changer', PASSWORD);
    expectOk(await a.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Brand-New-Pw-7' }));
    expectError(await login('changer', PASSWORD), 401, 'BAD_CREDENTIALS');
    expectOk(await login('changer', 'Brand-New-Pw-7'));
    // The session that changed it stays; another session of the same user is ended.
    expectOk(await a.get('/api/v1/auth/me'));
    expectError(await other.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');

    const entries = await auditOf(admin, 'auth.password_change');
    expect(entries.some((e) => e.entityId === String(user.id) && e.username === 'changer')).toBe(true);
    // The audit entry never carries the password.
    expect(JSON.stringify(entries)).not.toContain('Brand-New-Pw-7');
  });
});

describe('error bodies', () => {
  it('schema validation errors use the uniform shape with per-field details', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    const e = expectError(res, 400, 'VALIDATION');
    expect(e.message).toBe('提交的数据有误，请按提示修改');
    expect(e.details.map((d) => d.field).sort()).toEqual(['password', 'username']);
    const en = expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {}, headers: { 'accept-language': 'en' } }), 400, 'VALIDATION');
    expect(en.message).toBe('Invalid input');
  });

  it('the OpenAPI document builds and describes the API', async () => {
    const doc = expectOk(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/members', '/api/v1/transfers/{id}/accept', '/api/v1/imports/members']));
  });

  it('unknown API paths are JSON 404s', async () => {
    const e = expectError(await admin.get('/api/v1/no-such-thing'), 404, 'NOT_FOUND');
    expect(hasChinese(e.message)).toBe(true);
  });
});
