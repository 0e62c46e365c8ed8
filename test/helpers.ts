import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/server/config.js';
import { openPglite, openPostgres, type Database } from '../src/server/db/connection.js';
import { FieldCipher } from '../src/server/security/field-cipher.js';
import { setWorkflowCipher } from '../src/server/modules/workflow/workflow.service.js';
import type { AppContext } from '../src/server/context.js';
import { buildApp } from '../src/server/app.js';
import type { ImportQueue } from '../src/server/modules/imports/import-queue.js';

export const onPostgres = !!process.env.TEST_DATABASE_URL;

/** A fresh database for one test file, copied from the migrated template. */
export async function testContext(): Promise<{ ctx: AppContext; close: () => Promise<void> }> {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (onPostgres) {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `gh_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openPostgres(u.toString(), 5);
    drop = async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    database = await openPglite(undefined, blob);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-data-'));
  const config = { ...loadConfig({}), dataDir };
  const ctx: AppContext = { db: database.db, dbKind: database.kind, cipher: new FieldCipher(crypto.randomBytes(32)), config };
  setWorkflowCipher(ctx.cipher);
  return {
    ctx,
    close: async () => {
      await database.close();
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  imports: ImportQueue;
  close: () => Promise<void>;
}

export async function testApp(): Promise<TestApp> {
  const { ctx, close } = await testContext();
  const { app, imports } = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    imports,
    close: async () => {
      await imports.idle();
      await app.close();
      await close();
    },
  };
}

export interface Agent {
  csrf: string;
  cookie: string;
  get(url: string): Promise<import('light-my-request').Response>;
  post(url: string, body?: unknown): Promise<import('light-my-request').Response>;
  patch(url: string, body?: unknown): Promise<import('light-my-request').Response>;
  inject(opts: import('light-my-request').InjectOptions): Promise<import('light-my-request').Response>;
}

/** Signs in through the API and returns a client that sends the cookie and CSRF header. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const csrf = res.json().csrfToken as string;
  const inject = (opts: import('light-my-request').InjectOptions) =>
    app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    csrf,
    cookie,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, body) => inject({ method: 'POST', url, payload: body as object }),
    patch: (url, body) => inject({ method: 'PATCH', url, payload: body as object }),
  };
}
