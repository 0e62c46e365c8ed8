/**
 * The typed HTTP client for /api/v1. The session cookie is HttpOnly, so the
 * browser sends it by itself; every write carries the CSRF token taken from the
 * login or /auth/me response. Errors become ApiError with the server's message
 * (Chinese, or English when the UI is in English) and per-field details.
 */

import type { ErrorDetail } from '../shared/errors';

export type { ErrorDetail };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let language: 'zh-CN' | 'en-US' = 'zh-CN';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function setApiLanguage(lang: 'zh-CN' | 'en-US') {
  language = lang;
}
/** Called when a request answers 401 after sign-in (session expired or ended elsewhere). */
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

export const API = '/api/v1';

type Query = Record<string, string | number | boolean | null | undefined>;

export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function request<T>(method: string, path: string, opts: { query?: Query; body?: unknown; form?: FormData; signal?: AbortSignal; quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language === 'en-US' ? 'en' : 'zh-CN' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  } else if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    body = '{}';
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(API + path + queryString(opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', language === 'en-US' ? 'Cannot reach the server. Check the network and try again.' : '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: any = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const e = data?.error;
    const fallback = language === 'en-US' ? `The server answered ${res.status}` : `服务器返回错误（${res.status}），请稍后重试`;
    const err = new ApiError(res.status, e?.code ?? 'HTTP_' + res.status, typeof e?.message === 'string' ? e.message : fallback, Array.isArray(e?.details) ? e.details : []);
    if (res.status === 401 && !opts.quiet401 && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
  /** For /auth/me and login: a 401 there is an answer, not an expired session. */
  quiet: <T>(method: 'GET' | 'POST', path: string, body?: unknown) => request<T>(method, path, { body, quiet401: true }),
};

export interface Attachment {
  id: number;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}

/** Upload one file (≤ 10 MB; images, PDF, Word, Excel); link its id to a record when the record is saved. */
export function uploadAttachment(file: File | Blob, filename = (file as File).name ?? 'upload'): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, filename);
  return api.upload<Attachment>('/attachments', form);
}

export function attachmentUrl(id: number): string {
  return `${API}/attachments/${id}/content`;
}

/** A readable message for any thrown value — never a stack trace. */
export function errorMessage(err: unknown, en = language === 'en-US'): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.name === 'AbortError') return '';
  return en ? 'Something went wrong. Please try again.' : '操作失败，请稍后重试';
}

// ---- response shapes (from src/server/modules/*/*.routes.ts) ----

export type { Permission, Role } from '../shared/roles';
import type { Permission, Role } from '../shared/roles';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  orgId: number | null;
  orgName: string | null;
  personId: number | null;
  permissions: Permission[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  mustChangePassword: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export interface OrgNode {
  id: number;
  parentId: number | null;
  name: string;
  type: string;
  status: string;
  depth: number;
  members: number;
}

export interface Org {
  id: number;
  parentId: number | null;
  parentName?: string | null;
  name: string;
  shortName: string | null;
  type: string;
  typeName: string;
  creditCode: string | null;
  divisionCode: string | null;
  foundedOn: string | null;
  term: string | null;
  chair: string | null;
  address: string | null;
  phone: string | null;
  status: 'active' | 'closed';
  closedOn: string | null;
  closeReason: string | null;
  depth: number;
  path: string;
}

export interface ChildStats {
  id: number;
  name: string;
  type: string;
  members: number;
  industrialMembers: number;
  migrantMembers: number;
}

export interface OrgStats {
  orgId: number;
  name: string;
  enterprises: number;
  enterprisesWithUnion: number;
  enterprises100: number;
  enterprises100WithUnion: number;
  employees: number;
  members: number;
  industrialMembers: number;
  migrantMembers: number;
  retainedMembers: number;
  unions: number;
  children: ChildStats[];
}

export interface MemberRow {
  id: number;
  membershipId: number;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  orgId: number;
  orgName: string;
  status: string;
  statusName: string;
  joinedOn: string | null;
  cardNo: string | null;
  employerName: string | null;
  isIndustrial: boolean;
  isMigrant: boolean;
  isNewEmployment: boolean;
  isModelWorker: boolean;
}

export interface MemberDetail {
  id: number;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  ethnicity: string | null;
  education: string | null;
  political: string | null;
  householdType: string | null;
  residenceCode: string | null;
  employerEnterpriseId: number | null;
  employerName: string | null;
  employmentStatus: string | null;
  occupation: string | null;
  skillLevel: string | null;
  isMigrant: boolean;
  isIndustrial: boolean;
  isNewEmployment: boolean;
  isModelWorker: boolean;
  isHardship?: boolean;
  membership: {
    id: number;
    orgId: number;
    orgName: string;
    status: string;
    statusName: string;
    joinedOn: string | null;
    joinMethod: string | null;
    cardNo: string | null;
    enterpriseId: number | null;
    statusReason: string | null;
  } | null;
  canUnmask: boolean;
}

export interface MemberHistory {
  memberships: { id: number; orgId: number; orgName: string | null; status: string; statusName: string; joinedOn: string | null; endedOn: string | null; reason: string | null }[];
  events: { id: number; event: string; fromOrgName: string | null; toOrgName: string | null; reason: string | null; at: string }[];
}

export interface ImportStatus {
  id: number;
  orgId: number;
  orgName: string;
  filename: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  message?: string | null;
  total: number;
  imported: number;
  rejected: number;
  errors?: { row: number; column: string; code: string; reason: string }[];
  createdAt: string;
  finishedAt?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  orgId: number | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  ip: string | null;
}

export interface Transfer {
  id: number;
  [key: string]: unknown;
}
