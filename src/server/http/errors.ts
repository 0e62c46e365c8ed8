/** The one error type of the platform: a stable code, an HTTP status, Chinese and English messages. */
import type { ErrorDetail } from '../../shared/errors.js';

export type { ErrorDetail };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const Errors = {
  unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', '请先登录', 'Please sign in'),
  forbidden: (message = '您没有执行此操作的权限', messageEn = 'You are not allowed to do this') =>
    new AppError(403, 'FORBIDDEN', message, messageEn),
  outOfScope: () =>
    new AppError(403, 'OUT_OF_SCOPE', '该记录不在您的管理范围内', 'This record is outside your organisation scope'),
  notFound: (what = '记录', whatEn = 'Record') => new AppError(404, 'NOT_FOUND', `${what}不存在`, `${whatEn} not found`),
  validation: (details: ErrorDetail[], message = '提交的数据有误，请按提示修改', messageEn = 'Invalid input') =>
    new AppError(400, 'VALIDATION', message, messageEn, details),
  conflict: (code: string, message: string, messageEn: string, details: ErrorDetail[] = []) =>
    new AppError(409, code, message, messageEn, details),
  badRequest: (code: string, message: string, messageEn: string) => new AppError(400, code, message, messageEn),
};

/** One field's problem as a detail, from a shared validator's result. */
export function fieldProblem(field: string, p: { code: string; message: string; messageEn: string }): ErrorDetail {
  return { field, code: p.code, message: p.message, messageEn: p.messageEn };
}

export function assertValid(details: ErrorDetail[]): void {
  if (details.length) throw Errors.validation(details);
}
