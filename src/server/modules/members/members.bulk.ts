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

/**
 * Registers many members in one transaction (imports and demo seeding): new people are
 * inserted, former members rejoin, anyone with a current membership is refused with the
 * union that holds it (named only if the actor may see it). Two writers racing on one
 * person are settled by the unique indexes, never by a read-then-write guess.
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
    else if (e.org_id === v.orgId) rejects.push({ row: v.row, code: 'ALREADY_MEMBER', reason: `已是“${orgNames.get(v.orgId) ?? e.org_name}”的会员（重复导入），未重复登记` });
    else {
      const where = e.org_path && pathInScope(actor, e.org_path) ? `“${e.org_name}”` : '其他工会';
      rejects.push({ row: v.row, code: 'MEMBER_EXISTS', reason: `此人已在${where}有在会会籍，请办理会籍接转` });
    }
  }
  const ids = new Map<string, number>();
  if (fresh.length) {
    const rows = await tx.insertInto('persons').values(fresh.map((v) => v.person)).onConflict((oc) => oc.column('id_hash').doNothing()).returning(['id', 'id_hash']).execute();
    for (const r of rows) ids.set(r.id_hash, r.id);
  }
  for (const { v, personId } of rejoin) {
    await tx.updateTable('persons').set({ ...v.person, updated_at: new Date() }).where('id', '=', personId).execute();
    ids.set(v.person.id_hash, personId);
  }
  const toJoin = [...fresh, ...rejoin.map((r) => r.v)];
  const joinable = toJoin.filter((v) => ids.has(v.person.id_hash));
  let joined = new Set<number>();
  if (joinable.length) {
    const rows = await tx
      .insertInto('memberships')
      .values(joinable.map((v) => ({
        person_id: ids.get(v.person.id_hash)!, org_id: v.orgId, enterprise_id: v.person.employer_enterprise_id, status: 'active',
        joined_on: v.record.joinedOn, join_method: v.record.joinMethod, card_no: v.record.cardNo, import_id: importId,
      })))
      .onConflict((oc) => oc.column('person_id').where('status', '<>', 'left').doNothing())
      .returning('person_id')
      .execute();
    joined = new Set(rows.map((r) => r.person_id));
  }
  let imported = 0;
  for (const v of toJoin) {
    const pid = ids.get(v.person.id_hash);
    if (pid !== undefined && joined.has(pid)) imported++;
    else rejects.push({ row: v.row, code: 'CONCURRENT', reason: '此人同时被另一次导入或操作登记，请核对后重新导入该行' });
  }
  return { imported, rejects };
}
