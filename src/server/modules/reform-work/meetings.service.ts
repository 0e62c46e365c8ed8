import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import { can, require as need, type Actor } from '../../access/actor.js';
import { pathInScope } from '../../access/scope.js';
import { Errors, assertValid } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { MEETING_KINDS, nameOf, type MeetingKind } from '../../../shared/reform-work/codes.js';
import { assertCanReportFor, assertOrganiserVisible, visibleOrganiser } from './access.js';
import { Checks, iso } from './common.js';

export interface MeetingInput {
  kind?: MeetingKind;
  title?: string;
  heldOn?: string;
  place?: string | null;
  orgId?: number;
  host?: string | null;
  minutes?: string | null;
  /** attending organisations (by id) and people (by name, optionally with their unit's name) */
  attendeeOrgIds?: number[];
  attendeeNames?: string[];
  /** the decisions in order; on update the whole list is replaced except decisions already turned into tasks */
  decisions?: string[];
}

export interface MeetingQuery {
  kind?: string;
  from?: string;
  to?: string;
  orgId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

const base = (db: Kdb) => db.selectFrom('reform_meetings as m').innerJoin('orgs as o', 'o.id', 'm.org_id');

function present(m: { id: number; kind: string; title: string; held_on: string; place: string | null; org_id: number; org_name: string; host: string | null; updated_at: Date }) {
  return { id: m.id, kind: m.kind, kindName: nameOf(MEETING_KINDS, m.kind), title: m.title, heldOn: m.held_on, place: m.place, orgId: m.org_id, orgName: m.org_name, host: m.host, updatedAt: iso(m.updated_at) };
}

export async function listMeetings(ctx: AppContext, actor: Actor, q: MeetingQuery) {
  need(actor, 'reform.read');
  let b = base(ctx.db).where(visibleOrganiser(actor, 'm.org_id'));
  if (q.kind) b = b.where('m.kind', '=', q.kind);
  if (q.from) b = b.where('m.held_on', '>=', q.from);
  if (q.to) b = b.where('m.held_on', '<=', q.to);
  if (q.orgId) {
    await assertOrganiserVisible(ctx.db, actor, q.orgId);
    b = b.where('m.org_id', '=', q.orgId);
  }
  if (q.q) b = b.where('m.title', 'like', `%${q.q}%`);
  const [items, total] = await Promise.all([
    b.selectAll('m').select(['o.name as org_name',
      sql<number>`(select count(*)::int from reform_meeting_decisions d where d.meeting_id = m.id)`.as('decisions'),
      sql<number>`(select count(*)::int from reform_meeting_decisions d where d.meeting_id = m.id and d.task_id is not null)`.as('tasks')])
      .orderBy('m.held_on', 'desc').orderBy('m.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    b.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((m) => ({ ...present(m), decisions: m.decisions, tasks: m.tasks })), total: total.n };
}

export async function loadVisibleMeeting(db: Kdb, actor: Actor, id: number) {
  const m = await base(db).selectAll('m').select(['o.name as org_name', 'o.path as org_path', 'o.parent_id as org_parent_id']).where('m.id', '=', id).executeTakeFirst();
  if (!m) throw Errors.notFound('会议', 'Meeting');
  if (m.org_parent_id !== null && !pathInScope(actor, m.org_path)) throw Errors.outOfScope();
  return m;
}

export async function getMeeting(ctx: AppContext, actor: Actor, id: number) {
  need(actor, 'reform.read');
  const m = await loadVisibleMeeting(ctx.db, actor, id);
  const [attendees, decisions] = await Promise.all([
    ctx.db.selectFrom('reform_meeting_attendees as a').leftJoin('orgs as o', 'o.id', 'a.org_id').select(['a.org_id', 'o.name as org_name', 'a.name']).where('a.meeting_id', '=', id).orderBy('a.id').execute(),
    ctx.db.selectFrom('reform_meeting_decisions as d').leftJoin('reform_tasks as t', 't.id', 'd.task_id')
      .select(['d.id', 'd.seq', 'd.content', 'd.task_id', 't.code as task_code', 't.title as task_title']).where('d.meeting_id', '=', id).orderBy('d.seq').execute(),
  ]);
  return {
    ...present(m),
    minutes: m.minutes,
    attendeeOrgs: attendees.filter((a) => a.org_id !== null).map((a) => ({ id: a.org_id!, name: a.org_name })),
    attendeeNames: attendees.filter((a) => a.org_id === null).map((a) => a.name!),
    decisions: decisions.map((d) => ({ id: d.id, seq: d.seq, content: d.content, taskId: d.task_id, taskCode: d.task_code, taskTitle: d.task_title })),
    canEdit: can(actor, 'reform.report') && pathInScope(actor, m.org_path),
    canMakeTask: can(actor, 'reform.manage'),
  };
}

async function check(tx: Kdb, input: MeetingInput, creating: boolean) {
  const c = new Checks();
  if (creating && !input.kind) c.add('kind', 'REQUIRED', '请选择会议类型', 'Kind is required');
  const title = c.text('title', input.title, { label: ['会议名称', 'Title'], required: creating, max: 200 });
  const heldOn = c.date('heldOn', input.heldOn, { label: ['会议日期', 'Date'], required: creating });
  if (heldOn && heldOn > todayInShanghai()) c.add('heldOn', 'DATE_FUTURE', '会议日期不能晚于今天（登记已召开的会议）', 'Only meetings already held can be recorded');
  if (creating && !input.orgId) c.add('orgId', 'REQUIRED', '请选择主办单位', 'Organiser is required');
  const place = c.text('place', input.place, { label: ['地点', 'Place'], max: 200 });
  const host = c.text('host', input.host, { label: ['主持人', 'Host'], max: 60 });
  const names = (input.attendeeNames ?? []).map((n, i) => c.text(`attendeeNames.${i}`, n, { label: [`第${i + 1}位参会人`, `Attendee ${i + 1}`], required: true, max: 60 }) ?? '');
  const decisions = (input.decisions ?? []).map((d, i) => c.text(`decisions.${i}`, d, { label: [`第${i + 1}项议定事项`, `Decision ${i + 1}`], required: true, max: 1000 }) ?? '');
  const orgIds = [...new Set(input.attendeeOrgIds ?? [])];
  if (orgIds.length) {
    const found = await tx.selectFrom('orgs').select('id').where('id', 'in', orgIds).execute();
    const missing = orgIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) c.add('attendeeOrgIds', 'ORG_NOT_FOUND', `参会单位不存在：${missing.join('、')}`, `Unknown attending organisations: ${missing.join(', ')}`);
  }
  assertValid(c.details);
  return { title, heldOn, place, host, names, decisions, orgIds };
}

async function writeAttendees(tx: Kdb, meetingId: number, orgIds: number[], names: string[]) {
  await tx.deleteFrom('reform_meeting_attendees').where('meeting_id', '=', meetingId).execute();
  const rows = [...orgIds.map((org_id) => ({ meeting_id: meetingId, org_id, name: null })), ...names.map((name) => ({ meeting_id: meetingId, org_id: null, name }))];
  if (rows.length) await tx.insertInto('reform_meeting_attendees').values(rows).execute();
}

export async function createMeeting(ctx: AppContext, actor: Actor, input: MeetingInput) {
  need(actor, 'reform.report');
  const id = await inTransaction(ctx, async (tx) => {
    if (input.orgId) await assertCanReportFor(tx, actor, input.orgId);
    const v = await check(tx, input, true);
    const row = await tx.insertInto('reform_meetings').values({
      kind: input.kind!, title: v.title!, held_on: v.heldOn!, place: v.place, org_id: input.orgId!, host: v.host, minutes: input.minutes?.trim() || null, created_by: actor.userId || null,
    }).returning('id').executeTakeFirstOrThrow();
    await writeAttendees(tx, row.id, v.orgIds, v.names);
    if (v.decisions.length) await tx.insertInto('reform_meeting_decisions').values(v.decisions.map((content, i) => ({ meeting_id: row.id, seq: i + 1, content }))).execute();
    await audit(tx, actor, { action: 'reform.meeting.create', entity: 'reform_meeting', entityId: row.id, orgId: input.orgId, after: { ...input, minutes: input.minutes ? `${input.minutes.length} chars` : null } });
    return row.id;
  });
  return getMeeting(ctx, actor, id);
}

export async function updateMeeting(ctx: AppContext, actor: Actor, id: number, input: MeetingInput) {
  need(actor, 'reform.report');
  await inTransaction(ctx, async (tx) => {
    const before = await loadVisibleMeeting(tx, actor, id);
    await assertCanReportFor(tx, actor, before.org_id);
    if (input.orgId && input.orgId !== before.org_id) await assertCanReportFor(tx, actor, input.orgId);
    const v = await check(tx, input, false);
    await tx.updateTable('reform_meetings').set({
      kind: input.kind ?? before.kind, title: v.title ?? before.title, held_on: v.heldOn ?? before.held_on, org_id: input.orgId ?? before.org_id,
      place: input.place === undefined ? before.place : v.place, host: input.host === undefined ? before.host : v.host,
      minutes: input.minutes === undefined ? before.minutes : input.minutes?.trim() || null, updated_at: new Date(),
    }).where('id', '=', id).execute();
    if (input.attendeeOrgIds || input.attendeeNames) await writeAttendees(tx, id, v.orgIds, v.names);
    if (input.decisions) {
      // Decisions already turned into tasks are part of the record: they keep their number and text.
      const kept = await tx.selectFrom('reform_meeting_decisions').select(['id', 'seq', 'content']).where('meeting_id', '=', id).where('task_id', 'is not', null).orderBy('seq').execute();
      await tx.deleteFrom('reform_meeting_decisions').where('meeting_id', '=', id).where('task_id', 'is', null).execute();
      let seq = kept.reduce((mx, k) => Math.max(mx, k.seq), 0);
      const fresh = v.decisions.filter((d) => !kept.some((k) => k.content === d));
      if (fresh.length) await tx.insertInto('reform_meeting_decisions').values(fresh.map((content) => ({ meeting_id: id, seq: ++seq, content }))).execute();
    }
    await audit(tx, actor, { action: 'reform.meeting.update', entity: 'reform_meeting', entityId: id, orgId: input.orgId ?? before.org_id, before: present(before), after: input });
  });
  return getMeeting(ctx, actor, id);
}
