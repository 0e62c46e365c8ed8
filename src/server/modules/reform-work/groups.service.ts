import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import { can, require as need, type Actor } from '../../access/actor.js';
import { Errors, assertValid } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { maskPhone } from '../../../shared/phone.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { GROUP_KINDS, GROUP_ROLES, nameOf, type GroupKind, type GroupRole } from '../../../shared/reform-work/codes.js';
import { Checks } from './common.js';
import * as repo from './groups.repo.js';

type MemberRow = Awaited<ReturnType<typeof repo.memberChain>>[number];

export interface GroupInput {
  kind?: GroupKind;
  name?: string;
  termNo?: number;
  startYear?: number;
  endYear?: number | null;
  note?: string | null;
  /** start the new term with the current members of this earlier term */
  copyFromGroupId?: number;
}

export interface MemberInput {
  name?: string;
  orgId?: number;
  positionTitle?: string | null;
  role?: GroupRole;
  phone?: string | null;
  startedOn?: string;
}

function presentGroup(g: NonNullable<Awaited<ReturnType<typeof repo.findGroup>>> & { current_members?: number }) {
  return {
    id: g.id, kind: g.kind, kindName: nameOf(GROUP_KINDS, g.kind), name: g.name, termNo: g.term_no,
    startYear: g.start_year, endYear: g.end_year, note: g.note, currentMembers: g.current_members,
  };
}

/** Phones are office contacts, but still personal enough to mask in lists; managers see them in full. */
function presentMember(m: MemberRow, actor: Actor) {
  return {
    id: m.id, groupId: m.group_id, name: m.name, orgId: m.org_id, orgName: m.org_name, orgType: m.org_type,
    positionTitle: m.position_title, role: m.role, roleName: nameOf(GROUP_ROLES, m.role),
    phone: can(actor, 'reform.manage') ? m.phone : null,
    phoneMasked: m.phone ? maskPhone(m.phone) : null,
    startedOn: m.started_on, endedOn: m.ended_on, endReason: m.end_reason, previousId: m.previous_id,
    current: m.ended_on === null,
  };
}

export async function listGroups(ctx: AppContext, actor: Actor) {
  need(actor, 'reform.read');
  const items = (await repo.listGroups(ctx.db)).map(presentGroup);
  return { items, total: items.length };
}

export async function getGroup(ctx: AppContext, actor: Actor, id: number) {
  need(actor, 'reform.read');
  const g = await repo.findGroup(ctx.db, id);
  if (!g) throw Errors.notFound('小组', 'Group');
  return presentGroup(g);
}

export async function listMembers(ctx: AppContext, actor: Actor, groupId: number, q: repo.MemberQuery) {
  await getGroup(ctx, actor, groupId);
  const { items, total } = await repo.listMembers(ctx.db, groupId, q);
  return { items: items.map((m) => presentMember(m, actor)), total };
}

function checkGroup(input: GroupInput, creating: boolean) {
  const c = new Checks();
  const name = c.text('name', input.name, { label: ['名称', 'Name'], required: creating, max: 100 });
  const maxYear = Number(todayInShanghai().slice(0, 4)) + 1;
  if (input.startYear !== undefined && (input.startYear < 1949 || input.startYear > maxYear)) {
    c.add('startYear', 'YEAR_RANGE', `起始年份应在1949至${maxYear}年之间`, `Start year must be 1949–${maxYear}`);
  }
  if (input.endYear != null && input.startYear !== undefined && input.endYear < input.startYear) {
    c.add('endYear', 'YEAR_ORDER', '截止年份不能早于起始年份', 'End year cannot be before the start year');
  }
  return { c, name };
}

const termTaken = () =>
  Errors.conflict('GROUP_TERM_EXISTS', '该小组的这一届次已存在', 'This term of the group already exists', [
    { field: 'termNo', code: 'GROUP_TERM_EXISTS', message: '届次已存在', messageEn: 'Term exists' },
  ]);

export async function createGroup(ctx: AppContext, actor: Actor, input: Required<Pick<GroupInput, 'kind' | 'name' | 'termNo' | 'startYear'>> & GroupInput) {
  need(actor, 'reform.manage');
  const { c, name } = checkGroup(input, true);
  assertValid(c.details);
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.selectFrom('reform_groups').select('id').where('kind', '=', input.kind).where('term_no', '=', input.termNo).executeTakeFirst();
    if (clash) throw termTaken();
    const g = await tx.insertInto('reform_groups').values({
      kind: input.kind, name: name!, term_no: input.termNo, start_year: input.startYear, end_year: input.endYear ?? null, note: input.note?.trim() || null,
    }).returningAll().executeTakeFirstOrThrow();
    let copied = 0;
    if (input.copyFromGroupId) {
      const from = await repo.findGroup(tx, input.copyFromGroupId);
      if (!from) throw Errors.validation([{ field: 'copyFromGroupId', code: 'NOT_FOUND', message: '要沿用成员的小组不存在', messageEn: 'Group to copy from not found' }]);
      const current = await tx.selectFrom('reform_group_members').selectAll().where('group_id', '=', from.id).where('ended_on', 'is', null).execute();
      // A new term starts fresh rows: the old term's seats stay as they were, for the record.
      for (const m of current) {
        await tx.insertInto('reform_group_members').values({
          group_id: g.id, name: m.name, org_id: m.org_id, position_title: m.position_title, role: m.role, phone: m.phone, started_on: `${input.startYear}-01-01`,
        }).execute();
      }
      copied = current.length;
    }
    await audit(tx, actor, { action: 'reform.group.create', entity: 'reform_group', entityId: g.id, after: { ...presentGroup(g), copiedMembers: copied } });
    return { ...presentGroup(g), copiedMembers: copied };
  });
}

export async function updateGroup(ctx: AppContext, actor: Actor, id: number, input: GroupInput) {
  need(actor, 'reform.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findGroup(tx, id);
    if (!before) throw Errors.notFound('小组', 'Group');
    const { c, name } = checkGroup({ ...input, startYear: input.startYear ?? before.start_year }, false);
    assertValid(c.details);
    if (input.termNo !== undefined && input.termNo !== before.term_no) {
      const clash = await tx.selectFrom('reform_groups').select('id').where('kind', '=', before.kind).where('term_no', '=', input.termNo).executeTakeFirst();
      if (clash) throw termTaken();
    }
    const after = await tx.updateTable('reform_groups').set({
      name: name ?? before.name,
      term_no: input.termNo ?? before.term_no,
      start_year: input.startYear ?? before.start_year,
      end_year: input.endYear === undefined ? before.end_year : input.endYear,
      note: input.note === undefined ? before.note : input.note?.trim() || null,
      updated_at: new Date(),
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'reform.group.update', entity: 'reform_group', entityId: id, before: presentGroup(before), after: presentGroup(after) });
    return presentGroup(after);
  });
}

async function checkMember(tx: Kdb, input: MemberInput, creating: boolean) {
  const c = new Checks();
  const name = c.text('name', input.name, { label: ['姓名', 'Name'], required: creating, max: 40 });
  const positionTitle = c.text('positionTitle', input.positionTitle, { label: ['职务', 'Position'], max: 60 });
  const phone = c.phone('phone', input.phone);
  if (creating && !input.orgId) c.add('orgId', 'REQUIRED', '请选择所在单位', 'Unit is required');
  if (creating && !input.role) c.add('role', 'REQUIRED', '请选择小组职务', 'Role is required');
  if (input.orgId) {
    const org = await tx.selectFrom('orgs').select(['id', 'status']).where('id', '=', input.orgId).executeTakeFirst();
    if (!org) c.add('orgId', 'ORG_NOT_FOUND', '所在单位不存在', 'Unit not found');
    else if (org.status !== 'active') c.add('orgId', 'ORG_CLOSED', '所在单位已撤销', 'Unit is closed');
  }
  return { c, name, positionTitle, phone };
}

function leaderTaken(err: unknown): never {
  if ((err as { code?: string }).code === '23505') {
    throw Errors.conflict('GROUP_LEADER_EXISTS', '本届小组已有组长，请先变更或免去现任组长', 'The group already has a leader', [
      { field: 'role', code: 'GROUP_LEADER_EXISTS', message: '本届已有组长', messageEn: 'A leader already exists' },
    ]);
  }
  throw err;
}

export async function addMember(ctx: AppContext, actor: Actor, groupId: number, input: MemberInput) {
  need(actor, 'reform.manage');
  return inTransaction(ctx, async (tx) => {
    const g = await repo.findGroup(tx, groupId);
    if (!g) throw Errors.notFound('小组', 'Group');
    const { c, name, positionTitle, phone } = await checkMember(tx, input, true);
    const startedOn = c.date('startedOn', input.startedOn ?? todayInShanghai(), { label: ['任职日期', 'Start date'], required: true });
    assertValid(c.details);
    const row = await tx.insertInto('reform_group_members').values({
      group_id: groupId, name: name!, org_id: input.orgId!, position_title: positionTitle, role: input.role!, phone, started_on: startedOn!,
    }).returningAll().executeTakeFirstOrThrow().catch(leaderTaken);
    await audit(tx, actor, { action: 'reform.group.member.add', entity: 'reform_group_member', entityId: row.id, orgId: row.org_id, after: { ...row, phone: phone ? maskPhone(phone) : null } });
    const [full] = await repo.memberChain(tx, row.id);
    return presentMember(full, actor);
  });
}

async function loadCurrent(tx: Kdb, id: number) {
  const m = await repo.findMember(tx, id);
  if (!m) throw Errors.notFound('小组成员', 'Group member');
  if (m.ended_on !== null) throw Errors.conflict('MEMBER_ENDED', '该任职记录已结束，只能变更现任记录', 'This seat record has already ended');
  return m;
}

function endDate(c: Checks, m: { started_on: string }, value: string | undefined, field: string) {
  const d = c.date(field, value ?? todayInShanghai(), { label: ['变更日期', 'Change date'], required: true });
  if (d && d < m.started_on) c.add(field, 'DATE_BEFORE_START', '变更日期不能早于任职日期', 'The change date cannot be before the start date');
  return d;
}

/**
 * A change (new person in the seat, new unit, position, role or phone) ends the current row on
 * `changedOn` and starts a new one linked by previous_id: the term keeps an exact history of who
 * held the seat when, instead of an overwritten record.
 */
export async function changeMember(ctx: AppContext, actor: Actor, id: number, input: MemberInput & { changedOn?: string; reason?: string }) {
  need(actor, 'reform.manage');
  return inTransaction(ctx, async (tx) => {
    const old = await loadCurrent(tx, id);
    const { c, name, positionTitle, phone } = await checkMember(tx, input, false);
    const changedOn = endDate(c, old, input.changedOn, 'changedOn');
    const reason = c.text('reason', input.reason, { label: ['变更原因', 'Reason'], required: true, max: 200 });
    assertValid(c.details);
    await tx.updateTable('reform_group_members').set({ ended_on: changedOn, end_reason: reason }).where('id', '=', id).execute();
    const row = await tx.insertInto('reform_group_members').values({
      group_id: old.group_id,
      name: name ?? old.name,
      org_id: input.orgId ?? old.org_id,
      position_title: input.positionTitle === undefined ? old.position_title : positionTitle,
      role: input.role ?? old.role,
      phone: input.phone === undefined ? old.phone : phone,
      started_on: changedOn!,
      previous_id: old.id,
    }).returningAll().executeTakeFirstOrThrow().catch(leaderTaken);
    const mask = (r: typeof row) => ({ ...r, phone: r.phone ? maskPhone(r.phone) : null });
    await audit(tx, actor, { action: 'reform.group.member.change', entity: 'reform_group_member', entityId: row.id, orgId: row.org_id, before: mask(old), after: mask(row), detail: { reason } });
    const chain = await repo.memberChain(tx, row.id);
    return presentMember(chain.find((x) => x.id === row.id)!, actor);
  });
}

export async function endMember(ctx: AppContext, actor: Actor, id: number, input: { endedOn?: string; reason?: string }) {
  need(actor, 'reform.manage');
  return inTransaction(ctx, async (tx) => {
    const old = await loadCurrent(tx, id);
    const c = new Checks();
    const endedOn = endDate(c, old, input.endedOn, 'endedOn');
    const reason = c.text('reason', input.reason, { label: ['免职原因', 'Reason'], required: true, max: 200 });
    assertValid(c.details);
    await tx.updateTable('reform_group_members').set({ ended_on: endedOn, end_reason: reason }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'reform.group.member.end', entity: 'reform_group_member', entityId: id, orgId: old.org_id, detail: { endedOn, reason } });
    return { id, endedOn, endReason: reason };
  });
}

export async function memberHistory(ctx: AppContext, actor: Actor, id: number) {
  need(actor, 'reform.read');
  const chain = await repo.memberChain(ctx.db, id);
  if (!chain.length) throw Errors.notFound('小组成员', 'Group member');
  return { items: chain.map((m) => presentMember(m, actor)) };
}

