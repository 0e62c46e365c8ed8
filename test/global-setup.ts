import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one template database per run; every test file then starts from a copy
 * (PGlite: a data-dir dump; PostgreSQL: CREATE DATABASE … TEMPLATE), which costs far
 * less than migrating per file.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const tpl = `gh_tpl_${process.pid}`;
    await admin.query(`drop database if exists ${tpl}`);
    await admin.query(`create database ${tpl}`);
    const u = new URL(url);
    u.pathname = `/${tpl}`;
    const db = await openPostgres(u.toString(), 2);
    await migrateToLatest(db.db);
    await db.close();
    project.provide('pgTemplate', tpl);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${tpl} with (force)`);
      await admin.end();
    };
  }
  const db = await openPglite(undefined);
  await migrateToLatest(db.db);
  const blob = await db.dump!();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-tpl-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
