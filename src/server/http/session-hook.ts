import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from './errors.js';
import { SESSION_COOKIE } from './plumbing.js';
import { sessionFromToken } from '../modules/auth/auth.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Paths a user who must change their password may still use.
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/auth/password', '/api/v1/auth/login']);

/**
 * Resolves the session cookie into request.session, enforces CSRF on cookie-authenticated
 * writes (double token: the header must carry the session's CSRF token), and holds users
 * who must change their password to the password page.
 */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext) {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const session = await sessionFromToken(ctx, token);
    if (!session) return;
    req.session = session;
    req.sessionToken = token;
    const path = req.url.split('?')[0];
    if (!SAFE_METHODS.has(req.method) && path !== '/api/v1/auth/login') {
      if (req.headers['x-csrf-token'] !== session.csrfToken) {
        throw new AppError(403, 'CSRF', '请求校验失败，请刷新页面后重试', 'CSRF token missing or wrong; reload the page');
      }
    }
    if (session.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(path)) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码或已过期的密码', 'Please change your initial or expired password first');
    }
  });
}
