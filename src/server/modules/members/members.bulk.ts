import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { pathInScope } from '../../access/scope.js';
import type { MemberRecord } from '../../../shared/member-input.js';
import type { PersonValues } from './person-values.js';
import { currentByHashes } from './members.repo.js';

export interface BulkItem {
  row: number;
  orgId: number;
  record: MemberRecord;
  person: PersonValues;
}

export interface BulkReject {
  row: number;
  code: string;
  reason: string;
}

const col = <T>(items: BulkItem[], f: (v: BulkItem) => T) => items.map(f);

/**
 * Inserts people as one statement over column arrays (unnest): two dozen parameters
 * instead of tens of thousands keeps parse/bind cost flat on PGlite and PostgreSQL.
 * Existing ID numbers are left alone (on conflict do nothing); returns the new ids.
 */
async function insertPersons(tx: Kdb, items: BulkItem[]): Promise<{ id: number; id_hash: string }[]> {
  const p = (f: (v: PersonValues) => unknown) => col(items, (v) => f(v.person));
  const r = await sql<{ id: number; id_hash: string }>`
    insert into persons (id_hash, id_enc, id_masked, name, name_grams, gender, birth_date, ethnicity, education, political,
      household_type, residence_code, phone, employer_enterprise_id, employer_name, employment_status, occupation, skill_level,
      is_migrant, is_industrial, is_new_employment, is_model_worker)
    select h, e, mk, n, string_to_array(g, ' '), gd, b, et, ed, po, hh, rc, ph, emp, en, es, oc, sk, mi, ind, ne, mw
      from unnest(${p((v) => v.id_hash)}::text[], ${p((v) => v.id_enc)}::text[], ${p((v) => v.id_masked)}::text[],
        ${p((v) => v.name)}::text[], ${p((v) => v.name_grams.join(' '))}::text[], ${p((v) => v.gender)}::text[],
        ${p((v) => v.birth_date)}::date[], ${p((v) => v.ethnicity)}::text[], ${p((v) => v.education)}::text[],
        ${p((v) => v.political)}::text[], ${p((v) => v.household_type)}::text[], ${p((v) => v.residence_code)}::text[],
        ${p((v) => v.phone)}::text[], ${p((v) => v.employer_enterprise_id)}::int[], ${p((v) => v.employer_name)}::text[],
        ${p((v) => v.employment_status)}::text[], ${p((v) => v.occupation)}::text[], ${p((v) => v.skill_level)}::text[],
        ${p((v) => v.is_migrant)}::bool[], ${p((v) => v.is_industrial)}::bool[], ${p((v) => v.is_new_employment)}::bool[],
        ${p((v) => v.is_model_worker)}::bool[])
        as t(h, e, mk, n, g, gd, b, et, ed, po, hh, rc, ph, emp, en, es, oc, sk, mi, ind, ne, mw)
    on conflict (id_hash) do nothing
    returning id, id_hash`.execute(tx);
  return r.rows;
}

async function insertMemberships(tx: Kdb, items: BulkItem[], personIds: number[], importId: number | null): Promise<Set<number>> {
  const r = await sql<{ person_id: number }>`
    insert into memberships (person_id, org_id, enterprise_id, status, joined_on, join_method, card_no, import_id, import_row)
    select pid, oid, eid, 'active', j, jm, c, ${importId}::int, rw
      from unnest(${personIds}::int[], ${col(items, (v) => v.orgId)}::int[], ${col(items, (v) => v.person.employer_enterprise_id)}::int[],
        ${col(items, (v) => v.record.joinedOn)}::date[], ${col(items, (v) => v.record.joinMethod)}::text[],
        ${col(items, (v) => v.record.cardNo)}::text[], ${col(items, (v) => (importId === null ? null : v.row))}::int[])
        as t(pid, oid, eid, j, jm, c, rw)
    on conflict (person_id) where status <> 'left' do nothing
    returning person_id`.execute(tx);
  return new Set(r.rows.map((x) => x.person_id));
}

/**
 * Registers many members in one transaction (imports and demo seeding): new people are
 * inserted, former members rejoin, anyone with a current membership is refused with the
 * union that holds it (named only if the actor may see it); a repeat of an earlier row of
 * the same import names that row. Two writers racing on one person are settled by the
 * unique indexes, never by a read-then-write guess.
 */
export async function insertMemberBatch(tx: Kdb, actor: Actor, items: BulkItem[], importId: number | null, orgNames: Map<number, string>): Promise<{ imported: number; rejects: BulkReject[] }> {
  const rejects: BulkReject[] = [];
  if (!items.length) return { imported: 0, rejects };
  const existing = new Map((await currentByHashes(tx, items.map((v) => v.person.id_hash))).map((e) => [e.id_hash, e]));
  const fresh: BulkItem[] = [];
  const rejoin: { v: BulkItem; personId: number }[] = [];
  for (const v of items) {
    const e = existing.get(v.person.id_hash);
    if (!e) fresh.push(v);
    else if (e.org_id === null) rejoin.push({ v, personId: e.id });
    else if (importId !== null && e.import_id === importId && e.import_row !== null) {
      rejects.push({ row: v.row, code: 'DUPLICATE_IN_FILE', reason: `与本文件第${e.import_row}行的身份证号码重复` });
    } else if (e.org_id === v.orgId) {
      rejects.push({ row: v.row, code: 'ALREADY_MEMBER', reason: `已是“${orgNames.get(v.orgId) ?? e.org_name}”的会员（重复导入），未重复登记` });
    } else {
      const where = e.org_path && pathInScope(actor, e.org_path) ? `“${e.org_name}”` : '其他工会';
      rejects.push({ row: v.row, code: 'MEMBER_EXISTS', reason: `此人已在${where}有在会会籍，请办理会籍接转` });
    }
  }
  const ids = new Map<string, number>();
  if (fresh.length) for (const r of await insertPersons(tx, fresh)) ids.set(r.id_hash, r.id);
  for (const { v, personId } of rejoin) {
    await tx.updateTable('persons').set({ ...v.person, updated_at: new Date() }).where('id', '=', personId).execute();
    ids.set(v.person.id_hash, personId);
  }
  const toJoin = [...fresh, ...rejoin.map((r) => r.v)];
  const joinable = toJoin.filter((v) => ids.has(v.person.id_hash));
  const joined = joinable.length ? await insertMemberships(tx, joinable, joinable.map((v) => ids.get(v.person.id_hash)!), importId) : new Set<number>();
  let imported = 0;
  for (const v of toJoin) {
    const pid = ids.get(v.person.id_hash);
    if (pid !== undefined && joined.has(pid)) imported++;
    else rejects.push({ row: v.row, code: 'CONCURRENT', reason: '此人同时被另一次导入或操作登记，请核对后重新导入该行' });
  }
  return { imported, rejects };
}
