import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { can, require, type Actor } from '../../access/actor.js';
import { canReadPerson, pathInScope } from '../../access/scope.js';
import { AppError, Errors } from '../../http/errors.js';
import { checkMember, type MemberText } from '../../../shared/member-input.js';
import { normalizeIdNumber, validateIdNumber } from '../../../shared/idcard.js';
import { maskPhone, normalizePhone } from '../../../shared/phone.js';
import { audit } from '../audit/audit.service.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { enterprisesByCreditCodes } from '../enterprises/enterprises.service.js';
import { auditView, personValues } from './person-values.js';
import * as repo from './members.repo.js';
import type { Kdb } from '../../db/connection.js';

/** The person's current (not 退会) membership, with its org's name and path: how other modules ask. */
export function currentMembershipOf(db: Kdb, personId: number) {
  return repo.currentMembership(db, personId);
}

export const STATUS_NAMES: Record<string, string> = { active: '在会', transferring: '转出中', retained: '保留会籍', left: '退会' };
/** Organisation types that hold members directly. */
export const MEMBER_HOLDING_TYPES = ['grassroots', 'joint', 'branch', 'town', 'park', 'industry'];

export interface MemberListInput {
  q?: string;
  orgId?: number;
  status?: repo.MemberQuery['status'];
  enterpriseId?: number;
  isIndustrial?: boolean;
  isMigrant?: boolean;
  page: number;
  pageSize: number;
}

/** The search box takes a name fragment, a full ID number or a mobile number. */
export async function toQuery(ctx: AppContext, actor: Actor, input: Omit<MemberListInput, 'page' | 'pageSize'> & { page?: number; pageSize?: number }): Promise<repo.MemberQuery> {
  const q: repo.MemberQuery = { page: input.page ?? 1, pageSize: input.pageSize ?? 20, status: input.status, enterpriseId: input.enterpriseId, isIndustrial: input.isIndustrial, isMigrant: input.isMigrant };
  if (input.orgId) q.orgPath = (await loadOrgInScope(ctx, actor, input.orgId)).path;
  const text = input.q?.trim();
  if (text) {
    const id = validateIdNumber(normalizeIdNumber(text));
    const phone = normalizePhone(text);
    if (id.ok) q.idHash = ctx.cipher.blindIndex(id.value);
    else if (/^1[3-9]\d{9}$/.test(phone)) q.phone = phone;
    else if (/^[\dXx]{15,18}$/.test(text)) q.idHash = ctx.cipher.blindIndex(normalizeIdNumber(text));
    else q.q = text;
  }
  return q;
}

type ListRow = Awaited<ReturnType<typeof repo.listMembers>>['items'][number];

export function presentListItem(r: ListRow) {
  return {
    id: r.id,
    membershipId: r.membership_id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    idNumberMasked: r.id_masked,
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    statusName: STATUS_NAMES[r.status],
    joinedOn: r.joined_on,
    cardNo: r.card_no,
    employerName: r.employer_name,
    isIndustrial: r.is_industrial,
    isMigrant: r.is_migrant,
    isNewEmployment: r.is_new_employment,
    isModelWorker: r.is_model_worker,
  };
}

export async function listMembers(ctx: AppContext, actor: Actor, input: MemberListInput) {
  if (actor.role !== 'member') require(actor, 'member.read');
  const q = await toQuery(ctx, actor, input);
  const { items, total } = await repo.listMembers(ctx.db, actor, q);
  return { items: items.map(presentListItem), total, page: q.page, pageSize: q.pageSize };
}

async function loadPerson(ctx: AppContext, actor: Actor, personId: number) {
  const person = await repo.findPersonById(ctx.db, personId);
  if (!person) throw Errors.notFound('会员', 'Member');
  const membership = await repo.currentMembership(ctx.db, personId);
  let orgPath = membership?.org_path ?? null;
  if (!orgPath && actor.role !== 'member') {
    // A former member (退会) stays visible to the union they left.
    const [ms] = await repo.membershipHistory(ctx.db, personId);
    orgPath = ms.filter((m) => pathInScope(actor, m.org_path)).at(-1)?.org_path ?? null;
  }
  if (actor.role !== 'member') require(actor, 'member.read');
  if (!canReadPerson(actor, personId, orgPath)) throw Errors.outOfScope();
  return { person, membership };
}

export async function getMember(ctx: AppContext, actor: Actor, personId: number) {
  const { person: p, membership: m } = await loadPerson(ctx, actor, personId);
  return {
    id: p.id,
    name: p.name,
    gender: p.gender,
    birthDate: p.birth_date,
    idNumberMasked: p.id_masked,
    phoneMasked: p.phone ? maskPhone(p.phone) : null,
    ethnicity: p.ethnicity,
    education: p.education,
    political: p.political,
    householdType: p.household_type,
    residenceCode: p.residence_code,
    employerEnterpriseId: p.employer_enterprise_id,
    employerName: p.employer_name,
    employmentStatus: p.employment_status,
    occupation: p.occupation,
    skillLevel: p.skill_level,
    isMigrant: p.is_migrant,
    isIndustrial: p.is_industrial,
    isNewEmployment: p.is_new_employment,
    isModelWorker: p.is_model_worker,
    isHardship: p.is_hardship,
    membership: m
      ? { id: m.id, orgId: m.org_id, orgName: m.org_name, status: m.status, statusName: STATUS_NAMES[m.status], joinedOn: m.joined_on, joinMethod: m.join_method, cardNo: m.card_no, enterpriseId: m.enterprise_id, statusReason: m.status_reason }
      : null,
    canUnmask: can(actor, 'member.unmask') || actor.personId === p.id,
  };
}

/** Full ID and phone numbers: a permission, and every use is audited. */
export async function unmaskMember(ctx: AppContext, actor: Actor, personId: number, reason?: string) {
  const { person, membership } = await loadPerson(ctx, actor, personId);
  if (!can(actor, 'member.unmask') && actor.personId !== personId) {
    throw Errors.forbidden('您没有查看完整证件号码的权限', 'You may not view full ID numbers');
  }
  const idNumber = ctx.cipher.decrypt(person.id_enc);
  await inTransaction(ctx, (tx) =>
    audit(tx, actor, { action: 'member.unmask', entity: 'person', entityId: personId, orgId: membership?.org_id ?? null, detail: { fields: ['idNumber', 'phone'], reason: reason ?? null } }));
  return { idNumber, phone: person.phone };
}

export function memberExistsError(actor: Actor, holder: { org_name: string; org_path: string }) {
  const visible = pathInScope(actor, holder.org_path);
  const where = visible ? `“${holder.org_name}”` : '其他工会';
  return Errors.conflict('MEMBER_EXISTS', `此人已在${where}有在会会籍，一人只能有一个会籍，请办理会籍接转`, `This person already holds a membership in ${visible ? holder.org_name : 'another union'}; use a transfer`, [
    { field: 'idNumber', code: 'MEMBER_EXISTS', message: `已在${where}有会籍` },
  ]);
}

export async function createMember(ctx: AppContext, actor: Actor, input: MemberText & { orgId: number }) {
  require(actor, 'member.write');
  const org = await loadOrgInScope(ctx, actor, input.orgId);
  assertHoldsMembers(org);
  const { record, problems } = checkMember(input);
  if (!record) throw Errors.validation(problems.map((p) => ({ ...p })));
  const employers = await enterprisesByCreditCodes(ctx, record.employerCreditCode ? [record.employerCreditCode] : []);
  const employer = record.employerCreditCode ? employers.get(record.employerCreditCode) : undefined;
  if (record.employerCreditCode && !employer) {
    throw Errors.validation([{ field: 'employerCreditCode', code: 'EMPLOYER_UNKNOWN', message: '未找到该信用代码对应的单位，请先登记单位', messageEn: 'No enterprise with this credit code' }]);
  }
  const values = personValues(ctx.cipher, record, employer?.id ?? null);
  return inTransaction(ctx, async (tx) => {
    const existing = await repo.findPersonByHash(tx, values.id_hash);
    if (existing) {
      const cur = await repo.currentMembership(tx, existing.id);
      if (cur) throw memberExistsError(actor, cur);
    }
    const person = existing
      ? await tx.updateTable('persons').set({ ...values, updated_at: new Date() }).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()
      : await tx.insertInto('persons').values(values).returning('id').executeTakeFirstOrThrow();
    const m = await tx
      .insertInto('memberships')
      .values({ person_id: person.id, org_id: org.id, enterprise_id: employer?.id ?? null, status: 'active', joined_on: record.joinedOn, join_method: record.joinMethod, card_no: record.cardNo })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'member.create', entity: 'person', entityId: person.id, orgId: org.id, after: { ...auditView(values), membershipId: m.id, orgId: org.id } });
    return { id: person.id, membershipId: m.id };
  });
}

export function assertHoldsMembers(org: { type: string; status: string; name: string }) {
  if (org.status !== 'active') throw Errors.conflict('ORG_CLOSED', `“${org.name}”已撤销`, 'The organisation is closed');
  if (!MEMBER_HOLDING_TYPES.includes(org.type)) {
    throw Errors.validation([{ field: 'orgId', code: 'ORG_CANNOT_HOLD_MEMBERS', message: `“${org.name}”不能直接登记会员，请选择基层工会`, messageEn: 'Members belong to a grassroots union' }]);
  }
}

const PERSON_FIELDS = ['name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'education', 'political', 'householdType', 'phone', 'employerCreditCode', 'employerName', 'employmentStatus', 'occupation', 'skillLevel', 'isMigrant', 'isIndustrial', 'isNewEmployment', 'isModelWorker'] as const;

export async function updateMember(ctx: AppContext, actor: Actor, personId: number, patch: MemberText) {
  require(actor, 'member.write');
  const { person, membership } = await loadPerson(ctx, actor, personId);
  if (!membership) throw Errors.conflict('NOT_A_MEMBER', '此人已退会，不能修改', 'Not a current member');
  // Re-validate the whole record as it will be, with the same validator as creation.
  const current: MemberText = {
    name: person.name, idNumber: ctx.cipher.decrypt(person.id_enc), ethnicity: person.ethnicity, education: person.education,
    political: person.political, householdType: person.household_type, phone: person.phone, employerName: person.employer_name,
    employmentStatus: person.employment_status, occupation: person.occupation, skillLevel: person.skill_level,
    isMigrant: person.is_migrant, isIndustrial: person.is_industrial, isNewEmployment: person.is_new_employment, isModelWorker: person.is_model_worker,
    joinedOn: membership.joined_on, joinMethod: membership.join_method, cardNo: membership.card_no,
  };
  const merged: MemberText = { ...current };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  if (patch.idNumber === undefined) { delete merged.gender; delete merged.birthDate; }
  const { record, problems } = checkMember(merged);
  if (!record) throw Errors.validation(problems.map((p) => ({ ...p })));
  let employerId = person.employer_enterprise_id;
  if (patch.employerCreditCode) {
    const e = (await enterprisesByCreditCodes(ctx, [record.employerCreditCode!])).get(record.employerCreditCode!);
    if (!e) throw Errors.validation([{ field: 'employerCreditCode', code: 'EMPLOYER_UNKNOWN', message: '未找到该信用代码对应的单位', messageEn: 'No enterprise with this credit code' }]);
    employerId = e.id;
  }
  const values = personValues(ctx.cipher, record, employerId);
  const idChanged = values.id_hash !== person.id_hash;
  return inTransaction(ctx, async (tx) => {
    if (idChanged && (await repo.findPersonByHash(tx, values.id_hash))) {
      throw Errors.conflict('ID_TAKEN', '该身份证号码已属于另一条人员记录', 'Another person has this ID number', [{ field: 'idNumber', code: 'ID_TAKEN', message: '身份证号码重复' }]);
    }
    const set = idChanged ? values : { ...values, id_enc: person.id_enc };
    await tx.updateTable('persons').set({ ...set, updated_at: new Date() }).where('id', '=', personId).execute();
    await tx.updateTable('memberships').set({ joined_on: record.joinedOn, join_method: record.joinMethod, card_no: record.cardNo, enterprise_id: employerId, updated_at: new Date() }).where('id', '=', membership.id).execute();
    const before = auditView({ ...person } as never);
    await audit(tx, actor, { action: 'member.update', entity: 'person', entityId: personId, orgId: membership.org_id, before, after: auditView(values), detail: { fields: Object.keys(patch).filter((k) => (PERSON_FIELDS as readonly string[]).includes(k) || ['joinedOn', 'joinMethod', 'cardNo'].includes(k)) } });
    return getMemberAfter(ctx, actor, personId, tx);
  });
}

async function getMemberAfter(ctx: AppContext, actor: Actor, personId: number, tx: AppContext['db']) {
  return getMember({ ...ctx, db: tx }, actor, personId);
}

/** 保留会籍 (retirement, unemployment, employer closed), its restoration, and 退会. */
export async function changeStatus(ctx: AppContext, actor: Actor, personId: number, action: 'retain' | 'restore' | 'leave', reason: string) {
  require(actor, 'member.write');
  const { membership } = await loadPerson(ctx, actor, personId);
  if (!membership) throw Errors.conflict('NOT_A_MEMBER', '此人当前没有会籍', 'No current membership');
  const rules: Record<string, { from: string[]; to: string; event: string }> = {
    retain: { from: ['active'], to: 'retained', event: 'retained' },
    restore: { from: ['retained'], to: 'active', event: 'restored' },
    leave: { from: ['active', 'retained'], to: 'left', event: 'left' },
  };
  const rule = rules[action];
  if (!rule.from.includes(membership.status)) {
    throw new AppError(409, 'BAD_STATUS', `会籍状态为“${STATUS_NAMES[membership.status]}”，不能执行此操作`, `Membership is ${membership.status}; not allowed`);
  }
  return inTransaction(ctx, async (tx) => {
    await tx
      .updateTable('memberships')
      .set({ status: rule.to, status_reason: reason, ended_on: rule.to === 'left' ? new Date().toISOString().slice(0, 10) : null, updated_at: new Date() })
      .where('id', '=', membership.id)
      .where('status', '=', membership.status)
      .execute();
    await tx.insertInto('membership_events').values({ person_id: personId, membership_id: membership.id, event: rule.event, from_org_id: membership.org_id, reason, actor_user_id: actor.userId || null }).execute();
    await audit(tx, actor, { action: `member.${action}`, entity: 'person', entityId: personId, orgId: membership.org_id, before: { status: membership.status }, after: { status: rule.to, reason } });
    return { status: rule.to, statusName: STATUS_NAMES[rule.to] };
  });
}

export async function memberHistory(ctx: AppContext, actor: Actor, personId: number) {
  await loadPerson(ctx, actor, personId);
  const [memberships, events] = await repo.membershipHistory(ctx.db, personId);
  const orgName = (name: string | null, path: string | null) => (name && path && (actor.role === 'member' || pathInScope(actor, path)) ? name : name ? '其他工会' : null);
  return {
    memberships: memberships.map((m) => ({ id: m.id, orgId: m.org_id, orgName: orgName(m.org_name, m.org_path), status: m.status, statusName: STATUS_NAMES[m.status], joinedOn: m.joined_on, endedOn: m.ended_on, reason: m.status_reason })),
    events: events.map((e) => ({ id: e.id, event: e.event, fromOrgName: orgName(e.from_org_name, e.from_org_path), toOrgName: orgName(e.to_org_name, e.to_org_path), reason: e.reason, at: new Date(e.at).toISOString() })),
  };
}
