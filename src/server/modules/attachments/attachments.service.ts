import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import { inTransaction, type AppContext } from '../../context.js';
import type { Actor } from '../../access/actor.js';
import { AppError, Errors } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { detectKind, MAX_ATTACHMENT_BYTES, ACCEPTED_EXTENSIONS } from './file-types.js';

/**
 * Uploaded documents and photos. A file is uploaded first (owned by its uploader only),
 * then linked to a record by the module that owns the record, inside that module's
 * transaction. Who may read a linked file is decided by the owning module.
 * Files are encrypted at rest: they are ID cards, medical bills, household papers.
 */
export interface AttachmentOwner {
  type: string;
  id: number;
}

export interface AttachmentView {
  id: number;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}

interface OwnerPolicy {
  canRead: (ctx: AppContext, actor: Actor, ownerId: number) => Promise<boolean>;
  /** every download is audited (health, income, household documents) */
  sensitive?: boolean;
}

const owners = new Map<string, OwnerPolicy>();

/** Modules call this once at load time for each kind of record they attach files to. */
export function registerAttachmentOwner(type: string, policy: OwnerPolicy): void {
  owners.set(type, policy);
}

/** Unlinked uploads older than this are deleted (the form was abandoned). */
const UNLINKED_TTL_MS = 24 * 3600_000;

function storageDir(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'attachments');
}

function filePath(ctx: AppContext, key: string): string {
  return path.join(storageDir(ctx), key);
}

function invalid(message: string, messageEn: string, code = 'ATTACHMENT_INVALID'): AppError {
  return Errors.validation([{ field: 'file', code, message, messageEn }], message, messageEn);
}

function cleanName(name: string): string {
  // Keep what people recognise, drop what a file system or header could trip on.
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f"<>|:*?]/g, '').trim();
  return (base || '附件').slice(0, 120);
}

export async function saveUpload(ctx: AppContext, actor: Actor, input: { filename: string; data: Buffer }): Promise<AttachmentView> {
  if (input.data.length === 0) throw invalid('文件是空的，请重新选择', 'The file is empty', 'FILE_EMPTY');
  if (input.data.length > MAX_ATTACHMENT_BYTES) throw invalid('文件超过 10 MB，请压缩后上传', 'File larger than 10 MB', 'FILE_TOO_LARGE');
  const name = cleanName(input.filename);
  const kind = detectKind(name, input.data.subarray(0, 16));
  if (!kind) {
    throw invalid(
      `不支持此文件类型，或文件内容与扩展名不符；可上传：${ACCEPTED_EXTENSIONS.join('、')}`,
      `Unsupported file type or content does not match the extension; accepted: ${ACCEPTED_EXTENSIONS.join(', ')}`,
      'FILE_TYPE',
    );
  }
  const month = new Date().toISOString().slice(0, 7);
  const key = `${month}/${crypto.randomUUID()}.bin`;
  fs.mkdirSync(path.dirname(filePath(ctx, key)), { recursive: true, mode: 0o700 });
  fs.writeFileSync(filePath(ctx, key), ctx.cipher.encryptBuffer(input.data), { mode: 0o600 });
  try {
    const row = await inTransaction(ctx, async (tx) => {
      const r = await tx.insertInto('attachments').values({
        name, mime: kind.mime, size: input.data.length, sha256: crypto.createHash('sha256').update(input.data).digest('hex'),
        storage_key: key, uploaded_by: actor.userId,
      }).returning(['id', 'name', 'mime', 'size', 'created_at']).executeTakeFirstOrThrow();
      await audit(tx, actor, { action: 'attachment.upload', entity: 'attachment', entityId: r.id, detail: { name, mime: kind.mime, size: input.data.length } });
      return r;
    });
    await purgeAbandoned(ctx).catch(() => undefined);
    return { id: row.id, name: row.name, mime: row.mime, size: row.size, createdAt: new Date(row.created_at).toISOString() };
  } catch (err) {
    fs.rmSync(filePath(ctx, key), { force: true });
    throw err;
  }
}

/**
 * Attach uploads to a record inside the owner's transaction. Only the uploader's own,
 * still unlinked files (or files already on this very record) are accepted.
 */
export async function linkAttachments(tx: Kdb, actor: Actor, ids: readonly number[], owner: AttachmentOwner): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await tx.selectFrom('attachments').select(['id', 'owner_type', 'owner_id', 'uploaded_by']).where('id', 'in', unique).forUpdate().execute();
  const bad = unique.filter((id) => {
    const r = rows.find((x) => x.id === id);
    if (!r) return true;
    if (r.owner_type === owner.type && r.owner_id === owner.id) return false;
    return r.owner_type !== null || r.uploaded_by !== actor.userId;
  });
  if (bad.length) {
    throw Errors.validation(
      bad.map((id) => ({ field: 'attachmentIds', code: 'ATTACHMENT_INVALID', message: `附件 ${id} 不存在、已被使用或不是您上传的，请重新上传`, messageEn: `Attachment ${id} is missing, already used or not yours` })),
      '附件无效，请重新上传',
      'Invalid attachment',
    );
  }
  await tx.updateTable('attachments')
    .set({ owner_type: owner.type, owner_id: owner.id, linked_at: sql`now()` })
    .where('id', 'in', unique)
    .where('owner_type', 'is', null)
    .execute();
}

export async function listAttachments(db: Kdb, owner: AttachmentOwner): Promise<AttachmentView[]> {
  const rows = await db.selectFrom('attachments').select(['id', 'name', 'mime', 'size', 'created_at'])
    .where('owner_type', '=', owner.type).where('owner_id', '=', owner.id).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, createdAt: new Date(r.created_at).toISOString() }));
}

/** The file's bytes for a reader the owning module allows; every sensitive download is audited. */
export async function readAttachment(ctx: AppContext, actor: Actor, id: number) {
  const row = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw Errors.notFound('附件', 'Attachment');
  let sensitive = false;
  if (row.owner_type === null) {
    if (row.uploaded_by !== actor.userId) throw Errors.notFound('附件', 'Attachment');
  } else {
    const policy = owners.get(row.owner_type);
    if (!policy || !(await policy.canRead(ctx, actor, row.owner_id!))) throw Errors.forbidden('您无权查看此附件', 'You may not view this attachment');
    sensitive = policy.sensitive === true;
  }
  const data = ctx.cipher.decryptBuffer(fs.readFileSync(filePath(ctx, row.storage_key)));
  if (sensitive) {
    await inTransaction(ctx, (tx) => audit(tx, actor, { action: 'attachment.view', entity: 'attachment', entityId: id, detail: { owner: row.owner_type, ownerId: row.owner_id, name: row.name } }));
  }
  return { name: row.name, mime: row.mime, data };
}

/** An uploader may discard an upload that is not yet part of a record. */
export async function discardUpload(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const row = await ctx.db.deleteFrom('attachments').where('id', '=', id).where('uploaded_by', '=', actor.userId).where('owner_type', 'is', null)
    .returning('storage_key').executeTakeFirst();
  if (!row) throw Errors.notFound('附件', 'Attachment');
  fs.rmSync(filePath(ctx, row.storage_key), { force: true });
}

async function purgeAbandoned(ctx: AppContext): Promise<void> {
  const rows = await ctx.db.deleteFrom('attachments').where('owner_type', 'is', null)
    .where('created_at', '<', new Date(Date.now() - UNLINKED_TTL_MS)).returning('storage_key').execute();
  for (const r of rows) fs.rmSync(filePath(ctx, r.storage_key), { force: true });
}
