import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, signIn, type Agent, type TestApp } from '../helpers.js';
import { multipart, PNG, upload } from '../uploads.js';
import { buildWorld, PASSWORD } from '../factories.js';
import { inTransaction } from '../../src/server/context.js';
import { systemActor } from '../../src/server/access/actor.js';
import { linkAttachments, listAttachments, registerAttachmentOwner } from '../../src/server/modules/attachments/attachments.service.js';

let t: TestApp;
const agents: Record<string, Agent> = {};
// The owning module decides who reads.
registerAttachmentOwner('test_public', { canRead: async (_ctx, actor) => actor.role !== 'member' });
registerAttachmentOwner('test_secret', { canRead: async (_ctx, actor) => actor.username === 'town_a', sensitive: true });

beforeAll(async () => {
  t = await testApp();
  await buildWorld(t.ctx);
  for (const u of ['admin', 'town_a', 'town_b']) agents[u] = await signIn(t.app, u, PASSWORD);
});
afterAll(() => t?.close());

describe('attachments', () => {
  it('401 without a session', async () => {
    const m = multipart('a.png', PNG);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/attachments', payload: m.payload, headers: m.headers })).statusCode).toBe(401);
  });

  it('accepts a photo, stores it encrypted, and shows it only to its uploader until linked', async () => {
    const r = await upload(agents.town_a, '医疗费票据.png', PNG);
    expect(r.statusCode).toBe(201);
    const a = r.json();
    expect(a).toMatchObject({ name: '医疗费票据.png', mime: 'image/png', size: PNG.length });
    const row = await t.ctx.db.selectFrom('attachments').select('storage_key').where('id', '=', a.id).executeTakeFirstOrThrow();
    const onDisk = fs.readFileSync(path.join(t.ctx.config.dataDir, 'attachments', row.storage_key));
    expect(onDisk.includes(PNG.subarray(0, 8))).toBe(false);
    const own = await agents.town_a.get(`/api/v1/attachments/${a.id}/content`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PNG)).toBe(true);
    expect(own.headers['content-type']).toBe('image/png');
    expect((await agents.town_b.get(`/api/v1/attachments/${a.id}/content`)).statusCode).toBe(404);
  });

  it('refuses empty files, wrong types and content that does not match the extension', async () => {
    const cases: [string, Buffer, string][] = [
      ['empty.png', Buffer.alloc(0), 'FILE_EMPTY'],
      ['script.exe', Buffer.from('MZ\x90\x00'), 'FILE_TYPE'],
      ['photo.jpg', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'FILE_TYPE'],
      ['big.png', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]), 'FILE_TOO_LARGE'],
    ];
    for (const [name, data, code] of cases) {
      const r = await upload(agents.town_a, name, data);
      expect(r.statusCode, name).toBe(400);
      expect(r.json().error.details[0].code, name).toBe(code);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('links only the uploader’s own unlinked files; the owner module decides who reads; sensitive reads are audited', async () => {
    const mine = (await upload(agents.town_a, '诊断证明.png', PNG)).json();
    const theirs = (await upload(agents.town_b, '别人的.png', PNG)).json();
    const townA = await t.ctx.db.selectFrom('users').select(['id', 'org_id']).where('username', '=', 'town_a').executeTakeFirstOrThrow();
    const actor = { ...systemActor('town_a'), userId: townA.id, role: 'org_admin' as const, orgId: townA.org_id };
    await expect(inTransaction(t.ctx, (tx) => linkAttachments(tx, actor, [mine.id, theirs.id], { type: 'test_secret', id: 7 })))
      .rejects.toMatchObject({ status: 400 });
    expect(await listAttachments(t.ctx.db, { type: 'test_secret', id: 7 })).toEqual([]); // nothing half-linked
    await inTransaction(t.ctx, (tx) => linkAttachments(tx, actor, [mine.id], { type: 'test_secret', id: 7 }));
    await inTransaction(t.ctx, (tx) => linkAttachments(tx, actor, [mine.id], { type: 'test_secret', id: 7 })); // idempotent
    await expect(inTransaction(t.ctx, (tx) => linkAttachments(tx, actor, [mine.id], { type: 'test_public', id: 1 }))).rejects.toMatchObject({ status: 400 });
    expect((await listAttachments(t.ctx.db, { type: 'test_secret', id: 7 })).map((a) => a.name)).toEqual(['诊断证明.png']);

    expect((await agents.admin.get(`/api/v1/attachments/${mine.id}/content`)).statusCode).toBe(403);
    expect((await agents.town_a.get(`/api/v1/attachments/${mine.id}/content`)).statusCode).toBe(200);
    const audits = await t.ctx.db.selectFrom('audit_log').select(['action', 'username']).where('action', '=', 'attachment.view').where('entity_id', '=', String(mine.id)).execute();
    expect(audits).toEqual([{ action: 'attachment.view', username: 'town_a' }]);
    expect((await agents.town_a.inject({ method: 'DELETE', url: `/api/v1/attachments/${mine.id}` })).statusCode).toBe(404); // linked files stay
  });

  it('lets the uploader discard an unused upload', async () => {
    const a = (await upload(agents.town_b, 'x.png', PNG)).json();
    expect((await agents.town_a.inject({ method: 'DELETE', url: `/api/v1/attachments/${a.id}` })).statusCode).toBe(404);
    expect((await agents.town_b.inject({ method: 'DELETE', url: `/api/v1/attachments/${a.id}` })).statusCode).toBe(204);
    expect((await agents.town_b.get(`/api/v1/attachments/${a.id}/content`)).statusCode).toBe(404);
  });
});
