import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemActor } from '../../src/server/access/actor.js';
import { createUser } from '../../src/server/modules/auth/users.service.js';
import { getActiveHardship } from '../../src/server/modules/hardship/hardship.service.js';
import { todayInShanghai } from '../../src/shared/dates.js';
import { PASSWORD, addMember, buildWorld, idNumber, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { PNG, upload } from '../uploads.js';
import { auditOf, expectError, expectOk } from './util.js';

let t: TestApp;
let w: World;
let admin: Agent, townA: Agent, townB: Agent, unionA: Agent, bureau: Agent, auditor: Agent, unmasker: Agent, member: Agent;
let p1: number, p2: number, p3: number;

const YEAR = Number(todayInShanghai().slice(0, 4));
const DIAGNOSIS = '胃癌术后化疗中';
const SPOUSE_ID = idNumber(4321, { female: true });
const THRESHOLDS = { dibaoFen: 139_500, deepPct: 100, relativePct: 200, accidentPct: 300, accidentCostPct: 80, note: '北京市城乡低保标准' };

/** Worker + spouse; wage and medical spending chosen so the per-capita monthly figure is exactly `perCapitaFen`. */
function form(perCapitaFen: number, extra: Record<string, unknown> = {}) {
  const net = perCapitaFen * 2; // per month for 2 people
  return {
    identity: 'employed', mainCause: 'illness', causes: ['illness', 'education'], housingType: 'owned', medicalInsurance: 'employee',
    health: { conditions: ['cancer'], diagnosis: DIAGNOSIS },
    household: [{ name: '王秀兰', relation: 'spouse', idNumber: SPOUSE_ID, health: { conditions: ['disabled'], disabilityCategory: 'physical', disabilityGrade: '2' } }],
    incomes: [{ kind: 'wage', amountFen: net + 60_000, period: 'month', note: '本人' }],
    expenses: [{ kind: 'medical', amountFen: 60_000 * 12, period: 'year' }],
    ...extra,
  };
}

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  const sys = systemActor('test');
  p1 = (await addMember(t.ctx, w.unionA, 1)).id;
  p2 = (await addMember(t.ctx, w.unionA, 2)).id;
  p3 = (await addMember(t.ctx, w.unionB, 3)).id;
  await createUser(t.ctx, sys, { username: 'union_unmask', role: 'org_admin', orgId: w.unionA, permissions: ['hardship.unmask'], password: PASSWORD, mustChangePassword: false });
  await createUser(t.ctx, sys, { username: 'worker', role: 'member', personId: p1, password: PASSWORD, mustChangePassword: false });
  [admin, townA, townB, unionA, bureau, auditor, unmasker, member] = await Promise.all(
    ['admin', 'town_a', 'town_b', 'union_a', 'bureau', 'auditor', 'union_unmask', 'worker'].map((u) => signIn(t.app, u, PASSWORD)),
  );
});
afterAll(() => t?.close());

describe('thresholds (年度标准)', () => {
  it('refuses to assess without the year\'s thresholds, with a clear message, and writes nothing', async () => {
    const e = expectError(await unionA.post('/api/v1/hardship/records', { personId: p1, ...form(100_000) }), 409, 'THRESHOLDS_MISSING');
    expect(e.message).toContain(`${YEAR} 年`);
    expect(e.message).toContain('年度标准');
    expect(expectOk(await admin.get('/api/v1/hardship/records')).total).toBe(0);
  });

  it('only the district sets them; bad numbers are refused per field', async () => {
    expectError(await t.app.inject({ method: 'PUT', url: `/api/v1/hardship/thresholds/${YEAR}`, payload: THRESHOLDS }), 401);
    expectError(await townA.inject({ method: 'PUT', url: `/api/v1/hardship/thresholds/${YEAR}`, payload: THRESHOLDS }), 403, 'FORBIDDEN');
    expectError(await auditor.inject({ method: 'PUT', url: `/api/v1/hardship/thresholds/${YEAR}`, payload: THRESHOLDS }), 403, 'FORBIDDEN');
    const e = expectError(await admin.inject({ method: 'PUT', url: `/api/v1/hardship/thresholds/${YEAR}`, payload: { ...THRESHOLDS, dibaoFen: 0, relativePct: 50, accidentPct: 10 } }), 400, 'VALIDATION');
    expect(e.details.map((d) => d.field).sort()).toEqual(['accidentPct', 'dibaoFen', 'relativePct']);
    expect(e.details.every((d) => /[\u4e00-\u9fff]/.test(d.message))).toBe(true);
  });

  it('the district sets a year, audited; readers see it', async () => {
    expectOk(await admin.inject({ method: 'PUT', url: `/api/v1/hardship/thresholds/${YEAR}`, payload: THRESHOLDS }));
    const list = expectOk(await unionA.get('/api/v1/hardship/thresholds'));
    expect(list.items[0]).toMatchObject({ year: YEAR, dibaoFen: 139_500, relativePct: 200 });
    expect(list.canEdit).toBe(false);
    expect(expectOk(await admin.get('/api/v1/hardship/thresholds')).canEdit).toBe(true);
    expectError(await bureau.get('/api/v1/hardship/thresholds'), 403, 'FORBIDDEN');
    const [entry] = await auditOf(admin, 'hardship.thresholds.set');
    expect(entry.after).toMatchObject({ year: YEAR, dibaoFen: 139_500 });
  });
});

describe('creating a file (建档)', () => {
  let id: number;

  it('refuses callers without assist.review or outside the scope', async () => {
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/hardship/records', payload: { personId: p1, ...form(100_000) } }), 401);
    expectError(await auditor.post('/api/v1/hardship/records', { personId: p1, ...form(100_000) }), 403, 'FORBIDDEN');
    expectError(await bureau.post('/api/v1/hardship/records', { personId: p1, ...form(100_000) }), 403, 'FORBIDDEN');
    expectError(await member.post('/api/v1/hardship/records', { personId: p1, ...form(100_000) }), 403, 'FORBIDDEN');
    expectError(await townB.post('/api/v1/hardship/records', { personId: p1, ...form(100_000) }), 403, 'OUT_OF_SCOPE');
  });

  it('reports every bad field and writes nothing', async () => {
    const bad = form(1000, { identity: 'boss', household: [{ name: '', relation: 'spouse', idNumber: '110118199013011234' }], incomes: [{ kind: 'wage', amountFen: -5, period: 'month' }] });
    const e = expectError(await unionA.post('/api/v1/hardship/records', { personId: p1, ...bad }), 400, 'VALIDATION');
    expect(e.details.map((d) => d.field)).toEqual(expect.arrayContaining(['identity', 'household.0.name', 'household.0.idNumber', 'incomes.0.amountFen']));
    expect(expectOk(await admin.get('/api/v1/hardship/records')).total).toBe(0);
  });

  it('computes the tier (a typed tier is ignored): exactly at 低保 per person is 相对困难', async () => {
    const res = expectOk(await unionA.post('/api/v1/hardship/records', { personId: p1, ...form(139_500), tier: 'deep' }), 201);
    id = res.id;
    expect(res.tier).toBe('relative');
    const d = expectOk(await unionA.get(`/api/v1/hardship/records/${id}`));
    expect(d.assessment).toMatchObject({ tier: 'relative', perCapitaFen: 139_500, householdSize: 2, annualExpenseFen: 720_000 });
    expect(d.assessment.steps.map((s: { zh: string }) => s.zh).join('\n')).toContain('÷ 12 ÷ 2 人 = 人均每月 1,395.00 元');
    expect(d.orgId).toBe(w.unionA);
    expect(d.verified).toBe(false);
    const active = await getActiveHardship(t.ctx.db, p1);
    expect(active).toEqual({ recordId: id, tier: 'relative', verified: false, causes: ['illness', 'education'] });
    const roster = expectOk(await admin.get(`/api/v1/members/${p1}`));
    expect(roster.isHardship).toBe(true);
  });

  it('one fen per person below 低保 is 深度困难', async () => {
    const res = expectOk(await unionA.post('/api/v1/hardship/records', { personId: p2, ...form(139_499) }), 201);
    expect(res.tier).toBe('deep');
  });

  it('one open file per person, also when two clerks file at once', async () => {
    expectError(await townA.post('/api/v1/hardship/records', { personId: p1, ...form(100_000) }), 409, 'RECORD_EXISTS');
    const both = await Promise.all([townB.post('/api/v1/hardship/records', { personId: p3, ...form(100_000) }), admin.post('/api/v1/hardship/records', { personId: p3, ...form(100_000) })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const n = await t.ctx.db.selectFrom('hardship_records').select(sql<number>`count(*)::int`.as('n')).where('person_id', '=', p3).executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
  });

  it('stores health data and household ID numbers only encrypted', async () => {
    const row = await t.ctx.db.selectFrom('hardship_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(DIAGNOSIS);
    expect(raw).not.toContain(SPOUSE_ID);
    expect(raw).not.toContain('physical');
    expect(row.sensitive_enc.startsWith('v1:')).toBe(true);
  });

  describe('sensitive fields never leave unmasked without hardship.unmask', () => {
    it('list and detail show *** and masked ID numbers only', async () => {
      for (const agent of [unionA, townA, auditor, admin]) {
        const listRes = await agent.get('/api/v1/hardship/records');
        const detailRes = await agent.get(`/api/v1/hardship/records/${id}`);
        for (const body of [listRes.body, detailRes.body]) {
          expect(body).not.toContain(DIAGNOSIS);
          expect(body).not.toContain(SPOUSE_ID);
          expect(body).not.toContain('cancer');
          expect(body).not.toContain('physical');
        }
        const item = expectOk(listRes).items.find((i: { id: number }) => i.id === id);
        expect(item.health).toBe('***');
        const d = expectOk(detailRes);
        expect(d.health).toBe('***');
        expect(d.household[0]).toMatchObject({ name: '王秀兰', health: '***', idNumberMasked: `${SPOUSE_ID.slice(0, 6)}********${SPOUSE_ID.slice(-4)}` });
      }
    });

    it('unmask needs hardship.unmask; each use is audited without the data itself', async () => {
      expectError(await unionA.post(`/api/v1/hardship/records/${id}/unmask`, {}), 403, 'FORBIDDEN');
      expectError(await auditor.post(`/api/v1/hardship/records/${id}/unmask`, {}), 403, 'FORBIDDEN');
      expectError(await townB.post(`/api/v1/hardship/records/${id}/unmask`, {}), 403, 'OUT_OF_SCOPE');
      const before = (await auditOf(admin, 'hardship.unmask')).length;
      const u = expectOk(await unmasker.post(`/api/v1/hardship/records/${id}/unmask`, { reason: '核对医疗救助材料' }));
      expect(u.health).toMatchObject({ conditions: ['cancer'], diagnosis: DIAGNOSIS });
      expect(u.household[0]).toMatchObject({ idNumber: SPOUSE_ID, health: { disabilityCategory: 'physical', disabilityGrade: '2' } });
      const entries = await auditOf(admin, 'hardship.unmask');
      expect(entries.length).toBe(before + 1);
      expect(entries[0]).toMatchObject({ username: 'union_unmask', entity: 'hardship_record', entityId: String(id) });
      expect(entries[0].detail).toMatchObject({ reason: '核对医疗救助材料' });
      const allAudit = JSON.stringify(await auditOf(admin, 'hardship.'));
      expect(allAudit).not.toContain(DIAGNOSIS);
      expect(allAudit).not.toContain(SPOUSE_ID);
    });

    it('attachments open only with hardship.unmask, and each view is audited', async () => {
      const up = expectOk(await upload(unionA, '诊断证明.png', PNG), 201);
      const body = { ...form(139_500), health: undefined, household: [{ id: 1, name: '王秀兰', relation: 'spouse' }], attachmentIds: [up.id] };
      expectOk(await unionA.inject({ method: 'PUT', url: `/api/v1/hardship/records/${id}`, payload: body }));
      const d = expectOk(await unionA.get(`/api/v1/hardship/records/${id}`));
      expect(d.attachments.map((a: { id: number }) => a.id)).toEqual([up.id]);
      expectError(await unionA.get(`/api/v1/attachments/${up.id}/content`), 403);
      expectError(await auditor.get(`/api/v1/attachments/${up.id}/content`), 403);
      expectError(await townB.get(`/api/v1/attachments/${up.id}/content`), 403);
      const ok = await unmasker.get(`/api/v1/attachments/${up.id}/content`);
      expect(ok.statusCode).toBe(200);
      expect(ok.rawPayload.equals(PNG)).toBe(true);
      const [view] = await auditOf(admin, 'attachment.view');
      expect(view).toMatchObject({ username: 'union_unmask', entityId: String(up.id) });
    });

    it('an edit that leaves the sensitive fields out keeps them', async () => {
      const u = expectOk(await admin.post(`/api/v1/hardship/records/${id}/unmask`, {}));
      expect(u.health.diagnosis).toBe(DIAGNOSIS);
      expect(u.household[0].idNumber).toBe(SPOUSE_ID);
    });
  });

  it('readers outside the scope get OUT_OF_SCOPE; bureaus and members get FORBIDDEN', async () => {
    expectError(await townB.get(`/api/v1/hardship/records/${id}`), 403, 'OUT_OF_SCOPE');
    expect(expectOk(await townB.get('/api/v1/hardship/records')).items.map((i: { id: number }) => i.id)).not.toContain(id);
    expectError(await bureau.get('/api/v1/hardship/records'), 403, 'FORBIDDEN');
    expectError(await member.get(`/api/v1/hardship/records/${id}`), 403, 'FORBIDDEN');
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/hardship/records/${id}` }), 401);
    expectError(await admin.get('/api/v1/hardship/records/99999'), 404, 'NOT_FOUND');
  });

  it('the member sees their own tier and status, nothing of the household', async () => {
    const mine = expectOk(await member.get('/api/v1/hardship/mine'));
    expect(mine.record).toMatchObject({ id, status: 'open', tier: 'relative', tierName: '相对困难' });
    expect(JSON.stringify(mine)).not.toContain('王秀兰');
    expect(JSON.stringify(mine)).not.toContain('***');
    expectError(await unionA.get('/api/v1/hardship/mine'), 403, 'FORBIDDEN');
  });
});

describe('lifecycle: verification, yearly review, exit', () => {
  let id: number;
  beforeAll(async () => {
    id = (await getActiveHardship(t.ctx.db, p1))!.recordId;
  });

  it('the person who entered the data cannot verify it; another staff member can, once', async () => {
    expectError(await unionA.post(`/api/v1/hardship/records/${id}/verify`, {}), 403, 'SELF_VERIFICATION');
    expectError(await auditor.post(`/api/v1/hardship/records/${id}/verify`, {}), 403, 'FORBIDDEN');
    expectError(await townB.post(`/api/v1/hardship/records/${id}/verify`, {}), 403, 'OUT_OF_SCOPE');
    expectOk(await townA.post(`/api/v1/hardship/records/${id}/verify`, { comment: '入户核实' }));
    expectError(await townA.post(`/api/v1/hardship/records/${id}/verify`, {}), 409, 'ALREADY_VERIFIED');
    expect((await getActiveHardship(t.ctx.db, p1))!.verified).toBe(true);
    const [entry] = await auditOf(admin, 'hardship.verify');
    expect(entry).toMatchObject({ username: 'town_a', entityId: String(id) });
  });

  it('changing the data clears the verification', async () => {
    expectOk(await townA.inject({ method: 'PUT', url: `/api/v1/hardship/records/${id}`, payload: { ...form(100_000), health: undefined, household: [{ id: 1, name: '王秀兰', relation: 'spouse' }] } }));
    const d = expectOk(await unionA.get(`/api/v1/hardship/records/${id}`));
    expect(d.verified).toBe(false);
    expect(d.assessment.tier).toBe('deep');
    // Neither the creator (union_a) nor the last editor (town_a) may verify: a third person does.
    expect(d.canVerify).toBe(false);
    expect(expectOk(await admin.get(`/api/v1/hardship/records/${id}`)).canVerify).toBe(true);
    expectError(await townA.post(`/api/v1/hardship/records/${id}/verify`, {}), 403, 'SELF_VERIFICATION');
    expectError(await unionA.post(`/api/v1/hardship/records/${id}/verify`, {}), 403, 'SELF_VERIFICATION');
    expectOk(await admin.post(`/api/v1/hardship/records/${id}/verify`, {}));
  });

  it('a file reviewed over a year ago is 待复核; the review recomputes with this year\'s thresholds and keeps the history', async () => {
    expect(expectOk(await townA.get('/api/v1/hardship/review-due')).items.map((i: { id: number }) => i.id)).not.toContain(id);
    const lastYear = `${YEAR - 1}-01-10`;
    await t.ctx.db.updateTable('hardship_records').set({ last_reviewed_on: lastYear }).where('id', '=', id).execute();
    const due = expectOk(await townA.get('/api/v1/hardship/review-due'));
    expect(due.items.find((i: { id: number }) => i.id === id)).toMatchObject({ reviewDue: true, lastReviewedOn: lastYear });
    expect(expectOk(await townB.get('/api/v1/hardship/review-due')).items.map((i: { id: number }) => i.id)).not.toContain(id);

    // The district lowers this year's line: the file was deep (1,000 yuan < 1,395) and becomes relative.
    expectOk(await admin.inject({ method: 'PUT', url: `/api/v1/hardship/thresholds/${YEAR}`, payload: { ...THRESHOLDS, dibaoFen: 90_000 } }));
    expect(expectOk(await unionA.get(`/api/v1/hardship/records/${id}`)).assessment.thresholdsChanged).toBe(true);
    const r = expectOk(await townA.post(`/api/v1/hardship/records/${id}/review`, { comment: '年度复核' }));
    expect(r).toMatchObject({ tier: 'relative', previousTier: 'deep' });
    const d = expectOk(await unionA.get(`/api/v1/hardship/records/${id}`));
    expect(d.lastReviewedOn).toBe(todayInShanghai());
    expect(d.reviewDue).toBe(false);
    expect(d.history.map((h: { action: string; tier: string }) => `${h.action}:${h.tier}`)).toEqual(['create:relative', 'update:relative', 'verify:relative', 'update:deep', 'verify:deep', 'review:relative']);
    expect(expectOk(await townA.get('/api/v1/hardship/review-due')).items.map((i: { id: number }) => i.id)).not.toContain(id);
    expectOk(await admin.inject({ method: 'PUT', url: `/api/v1/hardship/thresholds/${YEAR}`, payload: THRESHOLDS }));
  });

  it('exit needs a reason; the closed file is read-only and a new file may be opened later', async () => {
    expectError(await unionA.post(`/api/v1/hardship/records/${id}/exit`, { reason: 'nope' }), 400, 'VALIDATION');
    expectError(await unionA.post(`/api/v1/hardship/records/${id}/exit`, { reason: 'other' }), 400, 'VALIDATION');
    expectError(await townB.post(`/api/v1/hardship/records/${id}/exit`, { reason: 'reemployed' }), 403, 'OUT_OF_SCOPE');
    expectOk(await unionA.post(`/api/v1/hardship/records/${id}/exit`, { reason: 'reemployed', note: '已在新单位就业' }));
    const d = expectOk(await unionA.get(`/api/v1/hardship/records/${id}`));
    expect(d).toMatchObject({ status: 'exited', exitReason: 'reemployed', canEdit: false, canReview: false, canExit: false });
    expectError(await unionA.inject({ method: 'PUT', url: `/api/v1/hardship/records/${id}`, payload: form(100_000) }), 409, 'RECORD_CLOSED');
    expectError(await townA.post(`/api/v1/hardship/records/${id}/review`, {}), 409, 'RECORD_CLOSED');
    expectError(await townA.post(`/api/v1/hardship/records/${id}/exit`, { reason: 'reemployed' }), 409, 'RECORD_CLOSED');
    expect(await getActiveHardship(t.ctx.db, p1)).toBeNull();
    expect(expectOk(await admin.get(`/api/v1/members/${p1}`)).isHardship).toBe(false);
    expect(expectOk(await member.get('/api/v1/hardship/mine')).record).toMatchObject({ id, status: 'exited' });
    const again = expectOk(await unionA.post('/api/v1/hardship/records', { personId: p1, ...form(80_000) }), 201);
    expect(again.id).not.toBe(id);
    const [entry] = await auditOf(admin, 'hardship.exit');
    expect(entry.after).toMatchObject({ status: 'exited', reason: 'reemployed' });
  });
});

describe('lists and figures', () => {
  it('filters by tier, cause, status and organisation, paged on the server', async () => {
    const all = expectOk(await admin.get('/api/v1/hardship/records?pageSize=2'));
    expect(all.items.length).toBe(2);
    expect(all.total).toBe(4);
    expect(expectOk(await admin.get('/api/v1/hardship/records?status=open')).total).toBe(3);
    expect(expectOk(await admin.get('/api/v1/hardship/records?status=exited')).total).toBe(1);
    expect(expectOk(await admin.get('/api/v1/hardship/records?tier=deep&status=open')).total).toBe(3);
    expect(expectOk(await admin.get('/api/v1/hardship/records?cause=education')).total).toBe(4);
    expect(expectOk(await admin.get('/api/v1/hardship/records?cause=disaster')).total).toBe(0);
    expect(expectOk(await admin.get(`/api/v1/hardship/records?orgId=${w.townB}`)).total).toBe(1);
    expectError(await townA.get(`/api/v1/hardship/records?orgId=${w.townB}`), 403, 'OUT_OF_SCOPE');
    expectError(await admin.get('/api/v1/hardship/records?tier=gold'), 400, 'VALIDATION');
  });

  it('figures by tier, cause and the level below the caller, each scoped', async () => {
    const f = expectOk(await admin.get('/api/v1/hardship/figures'));
    expect(f.total).toBe(3);
    expect(f.byTier.find((x: { tier: string }) => x.tier === 'deep').count).toBe(3);
    expect(f.byCause.find((x: { cause: string }) => x.cause === 'illness').count).toBe(3);
    expect(f.byOrg).toEqual(expect.arrayContaining([{ orgId: w.townA, orgName: '鼓楼街道总工会', count: 2 }, { orgId: w.townB, orgName: '果园街道总工会', count: 1 }]));
    const town = expectOk(await townA.get('/api/v1/hardship/figures'));
    expect(town.total).toBe(2);
    expect(town.byOrg).toEqual([{ orgId: w.unionA, orgName: '北京密云甲食品有限公司工会', count: 2 }]);
    expectError(await bureau.get('/api/v1/hardship/figures'), 403, 'FORBIDDEN');
  });
});
