import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { Errors } from '../../http/errors.js';
import { IdParam, Page, SESSION_COOKIE, actorOf, requireActor } from '../../http/plumbing.js';
import { ROLES } from '../../access/roles.js';
import { changePassword, login, logout, type SessionInfo } from './auth.service.js';
import { createUser, listUsers, resetPassword, updateUser } from './users.service.js';

function presentSession(s: SessionInfo) {
  return {
    user: {
      id: s.actor.userId,
      username: s.actor.username,
      displayName: s.displayName,
      role: s.actor.role,
      orgId: s.actor.orgId,
      orgName: s.orgName,
      personId: s.actor.personId,
      permissions: [...s.actor.permissions],
    },
    csrfToken: s.csrfToken,
    mustChangePassword: s.mustChangePassword,
  };
}

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = process.env.COOKIE_SECURE === '1';

  r.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: '登录', body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }) },
  }, async (req, reply) => {
    const { token, session } = await login(ctx, req.body.username, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: ctx.config.sessionMaxMs / 1000 });
    return presentSession(session);
  });

  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    const actor = actorOf(req);
    if (actor && req.sessionToken) await logout(ctx, req.sessionToken, actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
    if (!req.session) throw Errors.unauthenticated();
    return presentSession(req.session);
  });

  r.post('/api/v1/auth/password', {
    schema: { tags: ['auth'], summary: '修改密码', body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1).max(200) }) },
  }, async (req) => {
    const actor = actorOf(req);
    if (!actor) throw Errors.unauthenticated();
    await changePassword(ctx, actor, req.body.currentPassword, req.body.newPassword, req.sessionToken);
    return { ok: true };
  });

  const UserBody = z.object({
    username: z.string().min(1).max(40),
    displayName: z.string().max(50).nullish(),
    role: z.enum(ROLES),
    orgId: z.number().int().positive().nullish(),
    personId: z.number().int().positive().nullish(),
    permissions: z.array(z.string()).optional(),
    password: z.string().max(200).optional(),
  });

  r.get('/api/v1/users', { schema: { tags: ['users'], summary: '用户列表', querystring: Page.extend({ q: z.string().optional() }) } }, async (req) =>
    listUsers(ctx, requireActor(req), req.query));

  r.post('/api/v1/users', { schema: { tags: ['users'], summary: '新建用户（未给密码则生成并仅返回一次）', body: UserBody } }, async (req, reply) => {
    const out = await createUser(ctx, requireActor(req), req.body);
    reply.status(201);
    return out;
  });

  r.patch('/api/v1/users/:id', {
    schema: { tags: ['users'], summary: '修改用户（授权、停用、解锁）', params: IdParam, body: z.object({ displayName: z.string().max(50).nullish(), permissions: z.array(z.string()).optional(), disabled: z.boolean().optional(), unlock: z.boolean().optional() }) },
  }, async (req) => updateUser(ctx, requireActor(req), req.params.id, req.body));

  r.post('/api/v1/users/:id/reset-password', { schema: { tags: ['users'], summary: '重置密码', params: IdParam } }, async (req) => {
    const actor = requireActor(req);
    const user = await ctx.db.selectFrom('users').select('username').where('id', '=', req.params.id).executeTakeFirst();
    if (!user) throw Errors.notFound('用户', 'User');
    return resetPassword(ctx, actor, user.username);
  });
}
