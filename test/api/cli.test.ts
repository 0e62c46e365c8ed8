import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../factories.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let dataDir: string;
let town: string;

/** Runs the CLI against the temporary data folder; the environment's database and key settings are cleared. */
function cli(...args: string[]) {
  return run(TSX, ['src/server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', GONGHUI_SECRET_KEY: '', DEMO_PASSWORD: '', ADMIN_PASSWORD: '' },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

interface CliImport {
  id: number;
  orgName: string;
  status: string;
  total: number;
  imported: number;
  rejected: number;
  errors: { row: number; column: string; code: string; reason: string }[];
}

// IDs from an Urumqi district, which the Miyun demo data never generates.
const id = (n: number) => idNumber(n, { prefix: '650102' });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-cli-'));
  const { stdout } = await cli('seed', '--demo', '--members', '300');
  expect(stdout).toContain('300 名会员');
  const m = /镇街管理员（([^）]+)）/.exec(stdout);
  expect(m).not.toBeNull();
  town = m![1];
}, 180_000);
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('gonghui import members --json', () => {
  it('imports a roster into a town named on the command line and prints the summary', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['CLI 导入测试']);
    ws.addRow(['姓名', '身份证号码', '手机号码']);
    ws.addRow(['甘一', id(1), '13700000001']);
    ws.addRow(['甘二', id(2), '13700000002']);
    ws.addRow(['甘三', id(3).slice(0, 17) + (id(3)[17] === '0' ? '1' : '0'), '13700000003']);
    ws.addRow(['甘四', id(1), '13700000004']);
    const file = path.join(dataDir, 'cli-roster.xlsx');
    await wb.xlsx.writeFile(file);

    const first = JSON.parse((await cli('import', 'members', file, '--org', town, '--json')).stdout) as CliImport;
    expect(first).toMatchObject({ orgName: town, status: 'done', total: 4, imported: 2, rejected: 2 });
    expect(first.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [5, '身份证号码', 'ID_CHECKSUM'],
      [6, '身份证号码', 'DUPLICATE_IN_FILE'],
    ]);

    // Running it again registers nobody twice.
    const again = JSON.parse((await cli('import', 'members', file, '--org', town, '--json')).stdout) as CliImport;
    expect(again).toMatchObject({ status: 'done', total: 4, imported: 0, rejected: 4 });
    expect(again.id).toBeGreaterThan(first.id);
    expect(again.errors.filter((e) => e.code === 'ALREADY_MEMBER').map((e) => e.row)).toEqual([3, 4]);
  });

  it('refuses an unknown organisation with a non-zero exit code', async () => {
    const file = path.join(dataDir, 'cli-roster.xlsx');
    const err = await cli('import', 'members', file, '--org', '不存在的工会', '--json').then(() => null, (e: { code: number; stderr: string }) => e);
    expect(err).not.toBeNull();
    expect(err!.code).not.toBe(0);
    expect(err!.stderr).toContain('不存在的工会');
  });
});
