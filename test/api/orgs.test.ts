import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/shared/uscc.js';
import { PASSWORD, addMember, buildWorld, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { auditOf, expectError, expectOk } from './util.js';

let t: TestApp;
let w: World;
let admin: Agent;
let townA: Agent;
let townB: Agent;

/** A valid credit code from its first 17 characters. */
const uscc = (first17: string) => first17 + usccCheckChar(first17);

interface TreeItem { id: number; parentId: number | null; name: string; type: string; depth: number; members: number }

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  [admin, townA, townB] = await Promise.all([signIn(t.app, 'admin', PASSWORD), signIn(t.app, 'town_a', PASSWORD), signIn(t.app, 'town_b', PASSWORD)]);
});
afterAll(() => t?.close());

describe('create and edit', () => {
  it('admin creates an org under townA and edits it; both are in its history', async () => {
    const code = uscc('81110118MA01XYW0A');
    const created = expectOk(await admin.post('/api/v1/orgs', { parentId: w.townA, name: '北京密云丁机械有限公司工会', type: 'grassroots', creditCode: code.toLowerCase(), foundedOn: '2019年5月1日' }), 201);
    expect(created).toMatchObject({ parentId: w.townA, type: 'grassroots', typeName: '基层工会', creditCode: code, foundedOn: '2019-05-01', status: 'active' });
    const parent = expectOk(await admin.get(`/api/v1/orgs/${w.townA}`));
    expect(created.path).toBe(`${parent.path}${created.id}/`);
    expect(created.depth).toBe(parent.depth + 1);

    const edited = expectOk(await admin.patch(`/api/v1/orgs/${created.id}`, { chair: '王主席', phone: '010-69041234' }));
    expect(edited).toMatchObject({ chair: '王主席', phone: '010-69041234', name: '北京密云丁机械有限公司工会' });
    const detail = expectOk(await townA.get(`/api/v1/orgs/${created.id}`));
    expect(detail).toMatchObject({ chair: '王主席', parentName: '鼓楼街道总工会' });

    const history = expectOk(await admin.get(`/api/v1/orgs/${created.id}/history`));
    const actions = history.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['org.update', 'org.create']);
    expect(history.items[0].before.chair).toBeNull();
    expect(history.items[0].after.chair).toBe('王主席');
  });

  it('refuses an org type that may not sit under the parent', async () => {
    const e = expectError(await admin.post('/api/v1/orgs', { parentId: w.unionA, name: '错误的街道总工会', type: 'town' }), 400, 'VALIDATION');
    expect(e.details[0]).toMatchObject({ field: 'type', code: 'TYPE_NOT_ALLOWED' });
    expect(e.details[0].message).toBe('基层工会下不能设立镇/街道/地区总工会');
    // A branch under the same grassroots union is fine.
    expectOk(await admin.post('/api/v1/orgs', { parentId: w.unionA, name: '一车间分会', type: 'branch' }), 201);
  });

  it('validates the credit code and requires 81 for unions', async () => {
    const good = uscc('81110118MA01QWE9K');
    const wrongCheck = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const e = expectError(await admin.post('/api/v1/orgs', { parentId: w.townA, name: '校验位错误工会', type: 'grassroots', creditCode: wrongCheck }), 400, 'VALIDATION');
    expect(e.details).toEqual([expect.objectContaining({ field: 'creditCode', code: 'USCC_CHECKSUM' })]);
    expect(e.details[0].message).toContain(`应为${good[17]}`);

    const company = uscc('91110118MA01QWE9K');
    const p = expectError(await admin.post('/api/v1/orgs', { parentId: w.townA, name: '企业代码工会', type: 'grassroots', creditCode: company }), 400, 'VALIDATION');
    expect(p.details).toEqual([expect.objectContaining({ field: 'creditCode', code: 'UNION_CODE_PREFIX' })]);
    // The same check applies to an edit.
    const pe = expectError(await admin.patch(`/api/v1/orgs/${w.unionA2}`, { creditCode: company }), 400, 'VALIDATION');
    expect(pe.details[0]).toMatchObject({ field: 'creditCode', code: 'UNION_CODE_PREFIX' });
    // A member unit (a bureau) is not a union and may carry a non-81 code.
    expectOk(await admin.post('/api/v1/orgs', { parentId: w.district, name: '区应急管理局', type: 'member_unit', creditCode: uscc('11110118MB01QWE9K') }), 201);
  });
});

describe('moving a subtree', () => {
  it('moves a union subtree and every descendant path follows', async () => {
    const park = expectOk(await admin.post('/api/v1/orgs', { parentId: w.district, name: '密云经济开发区总工会', type: 'park' }), 201);
    const union = expectOk(await admin.post('/api/v1/orgs', { parentId: w.townA, name: '北京密云戊电子有限公司工会', type: 'grassroots' }), 201);
    const branch = expectOk(await admin.post('/api/v1/orgs', { parentId: union.id, name: '戊电子一分会', type: 'branch' }), 201);
    const team = expectOk(await admin.post('/api/v1/orgs', { parentId: branch.id, name: '戊电子一分会第一班组', type: 'branch' }), 201);

    const moved = expectOk(await admin.patch(`/api/v1/orgs/${union.id}`, { parentId: park.id }));
    expect(moved.parentId).toBe(park.id);
    expect(moved.path).toBe(`${park.path}${union.id}/`);
    const teamNow = expectOk(await admin.get(`/api/v1/orgs/${team.id}`));
    expect(teamNow.path).toBe(`${park.path}${union.id}/${branch.id}/${team.id}/`);
    expect(teamNow.depth).toBe(park.depth + 3);

    // The tree shows the child still under the moved union, under the park.
    const tree = expectOk(await admin.get('/api/v1/orgs?tree=1')).items as TreeItem[];
    expect(tree.find((o) => o.id === branch.id)?.parentId).toBe(union.id);
    expect(tree.find((o) => o.id === union.id)?.parentId).toBe(park.id);
    // townA no longer reaches the moved subtree.
    const aTree = expectOk(await townA.get('/api/v1/orgs?tree=1')).items as TreeItem[];
    expect(aTree.map((o) => o.id)).not.toContain(branch.id);
    expectError(await townA.get(`/api/v1/orgs/${team.id}`), 403, 'OUT_OF_SCOPE');

    const history = expectOk(await admin.get(`/api/v1/orgs/${union.id}/history`));
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['org.move', 'org.create']);
    expect(history.items[0].before.parentId).toBe(w.townA);
    expect(history.items[0].after.parentId).toBe(park.id);
  });

  it('refuses to move an org under itself or its own descendant (409 MOVE_CYCLE)', async () => {
    const union = expectOk(await admin.post('/api/v1/orgs', { parentId: w.townB, name: '北京密云己物流有限公司工会', type: 'grassroots' }), 201);
    const branch = expectOk(await admin.post('/api/v1/orgs', { parentId: union.id, name: '己物流分会', type: 'branch' }), 201);
    const team = expectOk(await admin.post('/api/v1/orgs', { parentId: branch.id, name: '己物流班组', type: 'branch' }), 201);
    expectError(await admin.patch(`/api/v1/orgs/${branch.id}`, { parentId: team.id }), 409, 'MOVE_CYCLE');
    expectError(await admin.patch(`/api/v1/orgs/${branch.id}`, { parentId: branch.id }), 409, 'MOVE_CYCLE');
    // Nothing moved.
    expect(expectOk(await admin.get(`/api/v1/orgs/${team.id}`)).path).toBe(`${union.path}${branch.id}/${team.id}/`);
  });

  it('refuses a move to a parent type that may not contain it', async () => {
    const e = expectError(await admin.patch(`/api/v1/orgs/${w.unionB}`, { parentId: w.unionA }), 400, 'VALIDATION');
    expect(e.details[0]).toMatchObject({ field: 'parentId', code: 'TYPE_NOT_ALLOWED' });
  });
});

describe('closing', () => {
  it('refuses while members or open children remain and closes an empty org', async () => {
    const union = expectOk(await admin.post('/api/v1/orgs', { parentId: w.townA, name: '北京密云庚印刷有限公司工会', type: 'grassroots' }), 201);
    const branch = expectOk(await admin.post('/api/v1/orgs', { parentId: union.id, name: '庚印刷分会', type: 'branch' }), 201);
    const m = await addMember(t.ctx, union.id, 401);

    expectError(await admin.post(`/api/v1/orgs/${union.id}/close`, { reason: '企业注销' }), 409, 'HAS_CHILDREN');
    expectOk(await townA.post(`/api/v1/orgs/${branch.id}/close`, { reason: '分会合并' }));
    const members = expectError(await admin.post(`/api/v1/orgs/${union.id}/close`, { reason: '企业注销' }), 409, 'HAS_MEMBERS');
    expect(members.message).toContain('1名会员');

    expectOk(await admin.post(`/api/v1/members/${m.id}/status`, { action: 'leave', reason: '离职' }));
    const closed = expectOk(await admin.post(`/api/v1/orgs/${union.id}/close`, { reason: '企业注销', closedOn: '2024/6/30' }));
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2024-06-30', closeReason: '企业注销' });
    expectError(await admin.post(`/api/v1/orgs/${union.id}/close`, { reason: '再次' }), 409, 'ORG_CLOSED');
    expectError(await admin.patch(`/api/v1/orgs/${union.id}`, { chair: '某人' }), 409, 'ORG_CLOSED');
    // Closed orgs leave the default tree but stay listed under status=closed.
    const tree = expectOk(await admin.get('/api/v1/orgs?tree=1')).items as TreeItem[];
    expect(tree.map((o) => o.id)).not.toContain(union.id);
    const closedList = expectOk(await admin.get('/api/v1/orgs?status=closed&pageSize=200')).items as { id: number }[];
    expect(closedList.map((o) => o.id)).toContain(union.id);
    const history = expectOk(await admin.get(`/api/v1/orgs/${union.id}/history`));
    expect(history.items[0].action).toBe('org.close');
  });

  it('an org admin cannot close their own scope root', async () => {
    expectError(await townA.post(`/api/v1/orgs/${w.townA}/close`, { reason: '测试' }), 403, 'FORBIDDEN');
  });
});

describe('town scope', () => {
  it('town_a sees the townA subtree only', async () => {
    const tree = expectOk(await townA.get('/api/v1/orgs?tree=1')).items as TreeItem[];
    const ids = tree.map((o) => o.id);
    expect(ids[0]).toBe(w.townA);
    expect(ids).toEqual(expect.arrayContaining([w.townA, w.unionA, w.unionA2]));
    for (const id of [w.district, w.townB, w.unionB, w.bureau]) expect(ids).not.toContain(id);
    const list = expectOk(await townA.get('/api/v1/orgs?pageSize=200')).items as { id: number; path: string }[];
    const root = expectOk(await townA.get(`/api/v1/orgs/${w.townA}`));
    expect(list.length).toBeGreaterThan(0);
    for (const o of list) expect(o.path.startsWith(root.path)).toBe(true);
    expect(expectOk(await townA.get(`/api/v1/orgs?q=${encodeURIComponent('果园')}`)).total).toBe(0);
    // Its own root's parent is outside the scope and not named.
    expect(root.parentName).toBeNull();
  });

  it('town_a cannot read, edit, create under, or take the stats of townB', async () => {
    expectError(await townA.get(`/api/v1/orgs/${w.townB}`), 403, 'OUT_OF_SCOPE');
    expectError(await townA.get(`/api/v1/orgs/${w.unionB}`), 403, 'OUT_OF_SCOPE');
    expectError(await townA.patch(`/api/v1/orgs/${w.townB}`, { chair: '越权' }), 403, 'OUT_OF_SCOPE');
    expectError(await townA.post('/api/v1/orgs', { parentId: w.townB, name: '越权工会', type: 'grassroots' }), 403, 'OUT_OF_SCOPE');
    expectError(await townA.get(`/api/v1/orgs/${w.townB}/stats`), 403, 'OUT_OF_SCOPE');
    expectError(await townA.get(`/api/v1/orgs/${w.townB}/history`), 403, 'OUT_OF_SCOPE');
    // Moving its own union into townB is refused too.
    expectError(await townA.patch(`/api/v1/orgs/${w.unionA2}`, { parentId: w.townB }), 403, 'OUT_OF_SCOPE');
    expect(expectOk(await admin.get(`/api/v1/orgs/${w.townB}`)).chair).toBeNull();
    expect(expectOk(await townB.get(`/api/v1/orgs?parentId=${w.townB}`)).items.map((o: { name: string }) => o.name)).not.toContain('越权工会');
    // The same requests inside its own subtree succeed.
    expectOk(await townA.get(`/api/v1/orgs/${w.unionA}`));
    expectOk(await townA.patch(`/api/v1/orgs/${w.unionA}`, { chair: '甲主席' }));
    expectOk(await townA.post('/api/v1/orgs', { parentId: w.townA, name: '鼓楼新建工会', type: 'grassroots' }), 201);
  });

  it('unit staff read orgs but may not list members', async () => {
    const bureau = await signIn(t.app, 'bureau', PASSWORD);
    expectError(await bureau.get('/api/v1/members'), 403, 'FORBIDDEN');
    expectError(await bureau.post('/api/v1/orgs', { parentId: w.bureau, name: '局内工会', type: 'grassroots' }), 403, 'FORBIDDEN');
    expectOk(await bureau.get(`/api/v1/orgs/${w.bureau}`));
  });
});

describe('stats', () => {
  it('townA stats count exactly what was created in its subtree', async () => {
    // A fresh town keeps the figures independent of the other tests.
    const town = expectOk(await admin.post('/api/v1/orgs', { parentId: w.district, name: '溪翁庄镇总工会', type: 'town' }), 201);
    const u1 = expectOk(await admin.post('/api/v1/orgs', { parentId: town.id, name: '溪翁庄甲公司工会', type: 'grassroots' }), 201);
    const u2 = expectOk(await admin.post('/api/v1/orgs', { parentId: town.id, name: '溪翁庄乙公司工会', type: 'grassroots' }), 201);
    const ent = (n: number, employees: number, unionEstablished: boolean, orgId: number) =>
      admin.post('/api/v1/enterprises', { creditCode: uscc(`91110118MA0${n}PQRT0`), name: `溪翁庄企业${n}`, employees, unionEstablished, orgId });
    for (const [n, emp, withUnion, org] of [[1, 150, true, u1.id], [2, 100, false, u1.id], [3, 99, true, u2.id], [4, 10, false, town.id], [5, 300, true, u2.id]] as const) {
      expectOk(await ent(n, emp, withUnion, org), 201);
    }
    // Enterprises and members elsewhere do not count.
    expectOk(await ent(6, 500, true, w.unionB), 201);
    for (let i = 0; i < 3; i++) await addMember(t.ctx, u1.id, 600 + i, { isIndustrial: true });
    for (let i = 0; i < 2; i++) await addMember(t.ctx, u2.id, 610 + i, { isMigrant: true });
    const retained = await addMember(t.ctx, u2.id, 620);
    const left = await addMember(t.ctx, u2.id, 621);
    await addMember(t.ctx, w.unionB, 630);
    expectOk(await admin.post(`/api/v1/members/${retained.id}/status`, { action: 'retain', reason: '退休' }));
    expectOk(await admin.post(`/api/v1/members/${left.id}/status`, { action: 'leave', reason: '离职' }));

    const s = expectOk(await admin.get(`/api/v1/orgs/${town.id}/stats`));
    expect(s).toMatchObject({
      orgId: town.id,
      members: 5,
      industrialMembers: 3,
      migrantMembers: 2,
      retainedMembers: 1,
      enterprises: 5,
      enterprisesWithUnion: 3,
      enterprises100: 3,
      enterprises100WithUnion: 2,
      employees: 659,
      unions: 3,
    });
    expect(s.children).toHaveLength(2);
    expect(s.children).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: u1.id, members: 3, industrialMembers: 3, migrantMembers: 0 }),
      expect.objectContaining({ id: u2.id, members: 2, industrialMembers: 0, migrantMembers: 2 }),
    ]));
  });

  it('town_a reads its own stats and they match its members', async () => {
    const before = expectOk(await townA.get(`/api/v1/orgs/${w.townA}/stats`));
    await addMember(t.ctx, w.unionA2, 700);
    await addMember(t.ctx, w.unionA2, 701);
    const after = expectOk(await townA.get(`/api/v1/orgs/${w.townA}/stats`));
    expect(after.members).toBe(before.members + 2);
    const list = expectOk(await townA.get(`/api/v1/members?orgId=${w.townA}`));
    expect(list.total).toBe(after.members + after.retainedMembers);
    const child = after.children.find((c: { id: number }) => c.id === w.unionA2);
    expect(child.members).toBe(2);
  });

  it('org changes are in the audit log, readable by the district', async () => {
    const entries = await auditOf(admin, 'org.');
    const kinds = new Set(entries.map((e) => e.action));
    for (const k of ['org.create', 'org.update', 'org.move', 'org.close']) expect(kinds).toContain(k);
  });
});
