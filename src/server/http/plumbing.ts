import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, Errors } from './errors.js';
import type { Actor } from '../access/actor.js';
import type { SessionInfo } from '../modules/auth/auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    session?: SessionInfo;
    sessionToken?: string;
  }
}

export const SESSION_COOKIE = 'gh_session';

export function wantsEnglish(req: FastifyRequest): boolean {
  return /^en/i.test(String(req.headers['accept-language'] ?? ''));
}

/** The signed-in actor, or undefined; services refuse with 401 when they need one. */
export function actorOf(req: FastifyRequest): Actor | undefined {
  const a = req.session?.actor;
  return a ? { ...a, ip: req.ip } : undefined;
}

export function requireActor(req: FastifyRequest): Actor {
  const a = actorOf(req);
  if (!a) throw Errors.unauthenticated();
  return a;
}

const ZOD_MESSAGES: Record<string, [string, string]> = {
  invalid_type: ['必填或类型不正确', 'Required or wrong type'],
  too_small: ['内容过短或数值过小', 'Too short or too small'],
  too_big: ['内容过长或数值过大', 'Too long or too large'],
  invalid_format: ['格式不正确', 'Invalid format'],
  invalid_value: ['取值无效', 'Invalid value'],
  unrecognized_keys: ['包含未知字段', 'Unknown field'],
};

export function errorHandler(err: Error & { statusCode?: number; code?: string; validation?: unknown }, req: FastifyRequest, reply: FastifyReply) {
  const en = wantsEnglish(req);
  if (err instanceof AppError) {
    return reply.status(err.status).send({
      error: {
        code: err.code,
        message: en ? err.messageEn : err.message,
        details: err.details.map((d) => ({ ...d, message: en && d.messageEn ? d.messageEn : d.message })),
      },
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => {
      const field = String(v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const code = String((v.params as { issue?: { code?: string } })?.issue?.code ?? v.keyword ?? 'invalid');
      const [zh, enMsg] = ZOD_MESSAGES[code] ?? ['取值无效', 'Invalid value'];
      return { field, code: code.toUpperCase(), message: en ? enMsg : zh, messageEn: enMsg };
    });
    return reply.status(400).send({ error: { code: 'VALIDATION', message: en ? 'Invalid input' : '提交的数据有误，请按提示修改', details } });
  }
  if (err.statusCode && err.statusCode < 500) {
    const map: Record<number, [string, string, string]> = {
      413: ['FILE_TOO_LARGE', '文件过大', 'File too large'],
      415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型', 'Unsupported content type'],
      404: ['NOT_FOUND', '资源不存在', 'Not found'],
    };
    const [code, zh, enMsg] = map[err.statusCode] ?? ['BAD_REQUEST', '请求无效', 'Bad request'];
    return reply.status(err.statusCode).send({ error: { code, message: en ? enMsg : zh, details: [] } });
  }
  req.log.error(err);
  return reply.status(500).send({ error: { code: 'INTERNAL', message: en ? 'Internal error; please retry later' : '服务器内部错误，请稍后重试', details: [] } });
}

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.record(z.string(), z.unknown())) }),
});

export const IdParam = z.object({ id: z.coerce.number().int().positive() });

export function registerNotFound(app: FastifyInstance) {
  app.setNotFoundHandler((req, reply) => {
    const en = wantsEnglish(req);
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: en ? 'Not found' : '接口不存在', details: [] } });
  });
}
