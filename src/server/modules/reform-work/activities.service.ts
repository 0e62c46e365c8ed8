import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import { can, require as need, type Actor } from '../../access/actor.js';
import { pathInScope } from '../../access/scope.js';
import { Errors, assertValid } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { linkAttachments, listAttachments, registerAttachmentOwner } from '../attachments/attachments.service.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { ACTIVITY_TYPES, nameOf, type ActivityType } from '../../../shared/reform-work/codes.js';
import { assertCanReportFor, assertOrganiserVisible } from './access.js';
import { Checks, iso } from './common.js';
import * as repo from './activities.repo.js';

export const ACTIVITY_OWNER = 'activity';

type Found = NonNullable<Awaited<ReturnType<typeof repo.findActivity>>>;

/** Visible: organised inside the actor's subtree, or by the district federation itself. */
function visible(actor: Actor, a: Pick<Found, 'org_path' | 'org_parent_id'>): boolean {
  return a.org_parent_id === null ? actor.role !== 'member' : pathInScope(actor, a.org_path);
}

registerAttachmentOwner(ACTIVITY_OWNER, {
  canRead: async (ctx, actor, ownerId) => {
    if (!can(actor, 'reform.read')) return false;
    const a = await repo.findActivity(ctx.db, ownerId);
    return !!a && visible(actor, a);
  },
});

export interface ParticipantInput {
  name: string;
  orgName?: string | null;
}

export interface ActivityInput {
  type?: ActivityType;
  title?: string;
  heldOn?: string;
  orgId?: number;
  place?: string | null;
  participantCount?: number | null;
  participants?: ParticipantInput[];
  summary?: string | null;
  taskId?: number | null;
  /** set by modules that log their own events here (e.g. 'competitions' and its record id) */
  source?: { module: string; id: number } | null;
  photoIds?: number[];
}

export interface ActivityQuery extends Omit<repo.ActivityFilter, 'orgPath'> {
  orgId?: number;
}

function present(a: Omit<Found, 'org_path' | 'org_parent_id'> & { photos?: number }) {
  return {
    id: a.id, type: a.type, typeName: nameOf(ACTIVITY_TYPES, a.type), title: a.title, heldOn: a.held_on, orgId: a.org_id, orgName: a.org_name,
    place: a.place, participantCount: a.participant_count, summary: a.summary, taskId: a.task_id,
    source: a.source_module ? { module: a.source_module, id: a.source_id } : null, photos: a.photos, updatedAt: iso(a.updated_at),
  };
}

/** The org filter narrows to a visible organiser's subtree; an org outside scope is refused, not silently emptied. */
async function toFilter(ctx: AppContext, actor: Actor, q: ActivityQuery): Promise<repo.ActivityFilter> {
  const { orgId, ...rest } = q;
  if (!orgId) return rest;
  await assertOrganiserVisible(ctx.db, actor, orgId);
  const org = await ctx.db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return { ...rest, orgPath: org.path };
}

export async function listActivities(ctx: AppContext, actor: Actor, q: ActivityQuery & { page: number; pageSize: number }) {
  need(actor, 'reform.read');
  const { page, pageSize, ...filter } = q;
  const r = await repo.listActivities(ctx.db, actor, await toFilter(ctx, actor, filter), page, pageSize);
  return { items: r.items.map(present), total: r.total, participants: r.participants };
}

export async function getActivity(ctx: AppContext, actor: Actor, id: number) {
  need(actor, 'reform.read');
  const a = await repo.findActivity(ctx.db, id);
  if (!a) throw Errors.notFound('活动', 'Activity');
  if (!visible(actor, a)) throw Errors.outOfScope();
  const [people, photos] = await Promise.all([repo.participants(ctx.db, id), listAttachments(ctx.db, { type: ACTIVITY_OWNER, id })]);
  return {
    ...present(a),
    participants: people.map((p) => ({ name: p.name, orgName: p.org_name })),
    photoFiles: photos,
    canEdit: can(actor, 'reform.report') && pathInScope(actor, a.org_path),
  };
}

async function check(tx: Kdb, input: ActivityInput, current?: Found) {
  const c = new Checks();
  const creating = !current;
  if (creating && !input.type) c.add('type', 'REQUIRED', '请选择活动类型', 'Type is required');
  const title = c.text('title', input.title, { label: ['活动名称', 'Title'], required: creating, max: 200 });
  const heldOn = c.date('heldOn', input.heldOn, { label: ['活动日期', 'Date'], required: creating });
  if (heldOn && heldOn > todayInShanghai()) c.add('heldOn', 'DATE_FUTURE', '活动日期不能晚于今天（只登记已开展的活动）', 'Only activities already held can be logged');
  if (creating && !input.orgId) c.add('orgId', 'REQUIRED', '请选择主办单位', 'Organiser is required');
  const place = c.text('place', input.place, { label: ['地点', 'Place'], max: 200 });
  const people = (input.participants ?? []).map((p, i) => {
    const name = c.text(`participants.${i}.name`, p.name, { label: [`第${i + 1}位参加人姓名`, `Participant ${i + 1} name`], required: true, max: 40 });
    return { name: name ?? '', orgName: p.orgName?.trim() || null };
  });
  let count = input.participantCount === undefined ? current?.participant_count ?? null : input.participantCount;
  // An edit that leaves the list alone is checked against the list already stored.
  const listed = input.participants || !current ? people.length
    : (await tx.selectFrom('activity_participants').select(sql<number>`count(*)::int`.as('n')).where('activity_id', '=', current.id).executeTakeFirstOrThrow()).n;
  // A list without a count counts itself; a count may exceed the named list (most attendees are not named).
  if (count === null && listed) count = listed;
  if (count !== null && count < listed) {
    c.add('participantCount', 'COUNT_BELOW_LIST', `参加人数（${count}）少于名单人数（${listed}）`, `Participant count (${count}) is below the list length (${listed})`);
  }
  if (input.taskId && !(await tx.selectFrom('reform_tasks').select('id').where('id', '=', input.taskId).executeTakeFirst())) {
    c.add('taskId', 'TASK_NOT_FOUND', '关联的改革任务不存在', 'Linked reform task not found');
  }
  assertValid(c.details);
  return { title, heldOn, place, people, count };
}

async function writeParticipants(tx: Kdb, activityId: number, people: { name: string; orgName: string | null }[]) {
  await tx.deleteFrom('activity_participants').where('activity_id', '=', activityId).execute();
  for (let i = 0; i < people.length; i += 500) {
    await tx.insertInto('activity_participants').values(people.slice(i, i + 500).map((p) => ({ activity_id: activityId, name: p.name, org_name: p.orgName }))).execute();
  }
}

/** Log an activity inside the caller's transaction — other modules call this for their own events. */
export async function logActivityInTx(tx: Kdb, actor: Actor, input: ActivityInput & Required<Pick<ActivityInput, 'type' | 'title' | 'heldOn' | 'orgId'>>): Promise<number> {
  await assertCanReportFor(tx, actor, input.orgId);
  const v = await check(tx, input);
  const row = await tx.insertInto('activities').values({
    type: input.type, title: v.title!, held_on: v.heldOn!, org_id: input.orgId, place: v.place, participant_count: v.count,
    summary: input.summary?.trim() || null, task_id: input.taskId ?? null, source_module: input.source?.module ?? null, source_id: input.source?.id ?? null,
    created_by: actor.userId || null,
  }).returning('id').executeTakeFirstOrThrow();
  await writeParticipants(tx, row.id, v.people);
  await linkAttachments(tx, actor, input.photoIds ?? [], { type: ACTIVITY_OWNER, id: row.id });
  await audit(tx, actor, {
    action: 'activity.create', entity: 'activity', entityId: row.id, orgId: input.orgId,
    after: { type: input.type, title: v.title, heldOn: v.heldOn, place: v.place, participantCount: v.count, participants: v.people.length, photoIds: input.photoIds ?? [], taskId: input.taskId ?? null, source: input.source ?? null },
  });
  return row.id;
}

export async function createActivity(ctx: AppContext, actor: Actor, input: Parameters<typeof logActivityInTx>[2]) {
  need(actor, 'reform.report');
  const id = await inTransaction(ctx, (tx) => logActivityInTx(tx, actor, input));
  return getActivity(ctx, actor, id);
}

export async function updateActivity(ctx: AppContext, actor: Actor, id: number, input: ActivityInput) {
  need(actor, 'reform.report');
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findActivity(tx, id);
    if (!before) throw Errors.notFound('活动', 'Activity');
    if (!visible(actor, before)) throw Errors.outOfScope();
    await assertCanReportFor(tx, actor, before.org_id);
    if (input.orgId && input.orgId !== before.org_id) await assertCanReportFor(tx, actor, input.orgId);
    const v = await check(tx, input, before);
    await tx.updateTable('activities').set({
      type: input.type ?? before.type, title: v.title ?? before.title, held_on: v.heldOn ?? before.held_on, org_id: input.orgId ?? before.org_id,
      place: input.place === undefined ? before.place : v.place, participant_count: v.count,
      summary: input.summary === undefined ? before.summary : input.summary?.trim() || null,
      task_id: input.taskId === undefined ? before.task_id : input.taskId, updated_at: new Date(),
    }).where('id', '=', id).execute();
    if (input.participants) await writeParticipants(tx, id, v.people);
    await linkAttachments(tx, actor, input.photoIds ?? [], { type: ACTIVITY_OWNER, id });
    await audit(tx, actor, {
      action: 'activity.update', entity: 'activity', entityId: id, orgId: input.orgId ?? before.org_id,
      before: present(before), after: { ...input, participants: input.participants?.length },
    });
  });
  return getActivity(ctx, actor, id);
}

export async function activityFigures(ctx: AppContext, actor: Actor, q: ActivityQuery & { period: repo.Period }) {
  need(actor, 'reform.read');
  const { period, ...filter } = q;
  const f = await repo.figures(ctx.db, actor, await toFilter(ctx, actor, filter), period);
  return {
    period,
    total: f.total,
    byType: f.byType.map((r) => ({ type: r.type, typeName: nameOf(ACTIVITY_TYPES, r.type), count: r.count, participants: r.participants })),
    byPeriod: f.byPeriod,
    byOrganiser: f.byOrganiser.map((r) => ({ orgId: r.org_id, orgName: r.name, count: r.count, participants: r.participants })),
  };
}
