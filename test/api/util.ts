// Small helpers shared by the API suites (not a test file itself).
import ExcelJS from 'exceljs';
import type { Response } from 'light-my-request';
import { expect } from 'vitest';
import type { Agent } from '../helpers.js';

export interface ErrorDetailBody {
  field?: string;
  row?: number;
  column?: string;
  code: string;
  message: string;
}

export interface ErrorBodyShape {
  code: string;
  message: string;
  details: ErrorDetailBody[];
}

/** Asserts the status and the uniform error shape, and returns the error. */
export function expectError(res: Response, status: number, code?: string): ErrorBodyShape {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { error: ErrorBodyShape };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(Array.isArray(body.error.details)).toBe(true);
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

export function expectOk<T = any>(res: Response, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

export interface AuditItem {
  id: number;
  action: string;
  entity: string | null;
  entityId: string | null;
  orgId: number | null;
  username: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
}

/** Audit entries whose action starts with `action`, newest first (as an auditor/admin sees them). */
export async function auditOf(agent: Agent, action: string, extra = ''): Promise<AuditItem[]> {
  const res = await agent.get(`/api/v1/audit?action=${encodeURIComponent(action)}&pageSize=200${extra}`);
  return expectOk<{ items: AuditItem[] }>(res).items;
}

const CJK = /[\u4e00-\u9fff]/;
export const hasChinese = (s: string) => CJK.test(s);

/** Reads the first worksheet of an xlsx body into arrays of cell texts (1-based columns dropped to 0-based). */
export async function readSheet(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cell.text ?? '';
    });
    for (let i = 0; i < values.length; i++) values[i] ??= '';
    rows.push(values);
  });
  return rows;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
