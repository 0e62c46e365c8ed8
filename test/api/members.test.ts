import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src/shared/idcard.js';
import { PASSWORD, addMember, buildWorld, idNumber, type World } from '../factories.js';
import { signIn, testApp, type Agent, type TestApp } from '../helpers.js';
import { auditOf, expectError, expectOk } from './util.js';

let t: TestApp;
let w: World;
let admin: Agent;
let townA: Agent;
let townB: Agent;

const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
const q = (s: string) => encodeURIComponent(s);

/** The first n ≥ from whose factory ID number ends in X. */
function idEndingInX(from: number): { n: number; id: string } {
  for (let n = from; ; n++) if (idNumber(n).endsWith('X')) return { n, id: idNumber(n) };
}

interface ListItem { id: number; name: string; idNumberMasked: string; phoneMasked: string | null; orgId: number; orgName: string; status: string }
const list = async (agent: Agent, query: string) => expectOk<{ items: ListItem[]; total: number }>(await agent.get(`/api/v1/members?${query}`));

beforeAll(async () => {
  t = await testApp();
  w = await buildWorld(t.ctx);
  [admin, townA, townB] = await Promise.all([signIn(t.app, 'admin', PASSWORD), signIn(t.app, 'town_a', PASSWORD), signIn(t.app, 'town_b', PASSWORD)]);
});
afterAll(() => t?.close());

describe('registering a member', () => {
  it('refuses a wrong check character and names the right one', async () => {
    const good = idNumber(1);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const e = expectError(await townA.post('/api/v1/members', { orgId: w.unionA, name: '李校验', idNumber: bad }), 400, 'VALIDATION');
    expect(e.details).toEqual([expect.objectContaining({ field: 'idNumber', code: 'ID_CHECKSUM' })]);
    expect(e.details[0].message).toBe(`身份证号码校验位错误，应为${good[17]}`);
    const en = await townA.inject({ method: 'POST', url: '/api/v1/members', payload: { orgId: w.unionA, name: '李校验', idNumber: bad }, headers: { 'accept-language': 'en' } });
    expect(expectError(en, 400).details[0].message).toContain(`it should be ${good[17]}`);
    expect((await list(admin, `q=${good}`)).total).toBe(0);
  });

  it('accepts a lower-case x, stores it upper-case and finds it either way', async () => {
    const { id } = idEndingInX(10);
    const created = expectOk(await townA.post('/api/v1/members', { orgId: w.unionA, name: '王小叉', idNumber: id.toLowerCase(), phone: '13900001111' }), 201);
    const detail = expectOk(await townA.get(`/api/v1/members/${created.id}`));
    expect(detail.idNumberMasked).toBe(mask(id));
    expect(detail.idNumberMasked.endsWith('X')).toBe(true);
    for (const s of [id, id.toLowerCase()]) {
      const found = await list(townA, `q=${s}`);
      expect(found.items.map((i) => i.id)).toEqual([created.id]);
    }
    expect(expectOk(await admin.post(`/api/v1/members/${created.id}/unmask`, {})).idNumber).toBe(id);
  });

  it('converts a 15-digit legacy number to 18 digits', async () => {
    const legacy = '110118750315123';
    const first17 = '11011819750315123';
    const full = first17 + idCheckChar(first17);
    const created = expectOk(await townA.post('/api/v1/members', { orgId: w.unionA, name: '赵旧证', idNumber: legacy }), 201);
    const detail = expectOk(await townA.get(`/api/v1/members/${created.id}`));
    expect(detail).toMatchObject({ idNumberMasked: mask(full), birthDate: '1975-03-15', gender: 'M' });
    expect(expectOk(await admin.post(`/api/v1/members/${created.id}/unmask`, {})).idNumber).toBe(full);
    // The 18-digit form finds the same person, and registering it again is a duplicate.
    expect((await list(townA, `q=${full}`)).items.map((i) => i.id)).toEqual([created.id]);
    expectError(await townA.post('/api/v1/members', { orgId: w.unionA2, name: '赵旧证', idNumber: full }), 409, 'MEMBER_EXISTS');
  });

  it('accepts Miyun\'s pre-2015 division code 110228', async () => {
    const id = idNumber(20, { prefix: '110228' });
    const created = expectOk(await townA.post('/api/v1/members', { orgId: w.unionA, name: '钱老县', idNumber: id }), 201);
    expect(expectOk(await townA.get(`/api/v1/members/${created.id}`)).idNumberMasked).toBe(mask(id));
  });

  it('refuses a second membership: naming the union when visible, 其他工会 when not', async () => {
    const inTown = await addMember(t.ctx, w.townA, 30);
    const e = expectError(await townA.post('/api/v1/members', { orgId: w.unionA, name: '孙重复', idNumber: idNumber(30) }), 409, 'MEMBER_EXISTS');
    expect(e.message).toContain('“鼓楼街道总工会”');
    expect(e.details[0]).toMatchObject({ field: 'idNumber', code: 'MEMBER_EXISTS' });

    await addMember(t.ctx, w.unionA, 31);
    const named = expectError(await townA.post('/api/v1/members', { orgId: w.unionA2, name: '孙重复', idNumber: idNumber(31) }), 409, 'MEMBER_EXISTS');
    expect(named.message).toContain('“北京密云甲食品有限公司工会”');

    const hidden = expectError(await townB.post('/api/v1/members', { orgId: w.unionB, name: '孙重复', idNumber: idNumber(30) }), 409, 'MEMBER_EXISTS');
    expect(hidden.message).toContain('其他工会');
    expect(JSON.stringify(hidden)).not.toMatch(/鼓楼|甲食品/);
    const hiddenEn = await townB.inject({ method: 'POST', url: '/api/v1/members', payload: { orgId: w.unionB, name: '孙重复', idNumber: idNumber(30) }, headers: { 'accept-language': 'en' } });
    expect(expectError(hiddenEn, 409).message).toContain('another union');
    // Still exactly one membership.
    expect((await list(admin, `q=${idNumber(30)}`)).items.map((i) => i.id)).toEqual([inTown.id]);
  });

  it('refuses an org that cannot hold members and an employer credit code nobody registered', async () => {
    const e = expectError(await admin.post('/api/v1/members', { orgId: w.bureau, name: '周单位', idNumber: idNumber(40) }), 400, 'VALIDATION');
    expect(e.details[0]).toMatchObject({ field: 'orgId', code: 'ORG_CANNOT_HOLD_MEMBERS' });
    const u = expectError(await townA.post('/api/v1/members', { orgId: w.unionA, name: '周单位', idNumber: idNumber(40), employerCreditCode: '91110118MA01QWE9K' + 'X' }), 400, 'VALIDATION');
    expect(u.details[0].field).toBe('employerCreditCode');
  });
});

describe('the roster list', () => {
  let ids: Record<string, number>;
  beforeAll(async () => {
    ids = {};
    for (const [key, name, n, phone] of [['a', '欧阳娜娜', 101, '13811112222'], ['b', '欧阳修文', 102, '13811113333'], ['c', '司马光明', 103, null]] as const) {
      const r = expectOk(await townA.post('/api/v1/members', { orgId: w.unionA2, name, idNumber: idNumber(n), phone }), 201);
      ids[key] = r.id;
    }
    for (let i = 0; i < 5; i++) await addMember(t.ctx, w.unionB, 150 + i);
  });

  it('masks ID and phone numbers', async () => {
    const r = await list(townA, `orgId=${w.unionA2}`);
    const a = r.items.find((i) => i.id === ids.a)!;
    expect(a.idNumberMasked).toBe(mask(idNumber(101)));
    expect(a.idNumberMasked).toMatch(/^110118\*{8}\d{3}[\dX]$/);
    expect(a.phoneMasked).toBe('138****2222');
    expect(r.items.find((i) => i.id === ids.c)!.phoneMasked).toBeNull();
    // No full number anywhere in the response.
    const res = await townA.get(`/api/v1/members?orgId=${w.unionA2}`);
    expect(res.body).not.toContain(idNumber(101));
    expect(res.body).not.toContain('13811112222');
  });

  it('searches by a name fragment of two characters and of one', async () => {
    expect((await list(townA, `q=${q('欧阳')}`)).items.map((i) => i.id).sort()).toEqual([ids.a, ids.b].sort());
    expect((await list(townA, `q=${q('娜')}`)).items.map((i) => i.id)).toEqual([ids.a]);
    expect((await list(townA, `q=${q('马光')}`)).items.map((i) => i.id)).toEqual([ids.c]);
    expect((await list(townA, `q=${q('阳光')}`)).total).toBe(0);
  });

  it('searches by full ID number and by phone', async () => {
    expect((await list(townA, `q=${idNumber(102)}`)).items.map((i) => i.id)).toEqual([ids.b]);
    expect((await list(townA, `q=13811113333`)).items.map((i) => i.id)).toEqual([ids.b]);
    expect((await list(townA, `q=${q('138 1111 3333')}`)).items.map((i) => i.id)).toEqual([ids.b]);
    // Part of an ID number is not a search key.
    expect((await list(townA, `q=${idNumber(102).slice(0, 10)}`)).total).toBe(0);
  });

  it('pages with a stable total', async () => {
    const all = await list(townA, `orgId=${w.unionA2}&pageSize=200`);
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const p1 = await list(townA, `orgId=${w.unionA2}&pageSize=2&page=1`);
    const p2 = await list(townA, `orgId=${w.unionA2}&pageSize=2&page=2`);
    expect(p1.total).toBe(all.total);
    expect(p2.total).toBe(all.total);
    expect(p1.items).toHaveLength(2);
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual(all.items.slice(0, p1.items.length + p2.items.length).map((i) => i.id));
    expect(new Set([...p1.items, ...p2.items].map((i) => i.id)).size).toBe(p1.items.length + p2.items.length);
  });

  it('town_a cannot list, search, count, read, edit, export or import townB members', async () => {
    const b = (await list(townB, `orgId=${w.unionB}&pageSize=200`)).items;
    expect(b).toHaveLength(5);
    const target = b[0];
    const targetId = idNumber(154); // newest first: the last one added
    expect(target.idNumberMasked).toBe(mask(targetId));

    expectError(await townA.get(`/api/v1/members?orgId=${w.townB}`), 403, 'OUT_OF_SCOPE');
    expectError(await townA.get(`/api/v1/members?orgId=${w.unionB}`), 403, 'OUT_OF_SCOPE');
    const search = await list(townA, `q=${targetId}`);
    expect(search).toMatchObject({ items: [], total: 0 });
    expect((await list(townA, `q=${q(target.name)}`)).items.filter((i) => i.orgId === w.unionB)).toEqual([]);
    const all = await list(townA, 'pageSize=200');
    expect(all.items.every((i) => i.orgId !== w.unionB)).toBe(true);
    const aStats = expectOk(await townA.get(`/api/v1/orgs/${w.townA}/stats`));
    expect(all.total).toBe(aStats.members + aStats.retainedMembers);

    expectError(await townA.get(`/api/v1/members/${target.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await townA.get(`/api/v1/members/${target.id}/history`), 403, 'OUT_OF_SCOPE');
    expectError(await townA.patch(`/api/v1/members/${target.id}`, { phone: '13700000000' }), 403, 'OUT_OF_SCOPE');
    expectError(await townA.post(`/api/v1/members/${target.id}/status`, { action: 'leave', reason: '越权' }), 403, 'OUT_OF_SCOPE');
    expectError(await townA.get(`/api/v1/members/export.xlsx?orgId=${w.townB}`), 403, 'OUT_OF_SCOPE');

    const form = new FormData();
    form.append('orgId', String(w.unionB));
    form.append('file', new Blob([Buffer.from('PK\u0003\u0004 not really a workbook')]), 'roster.xlsx');
    expectError(await townA.inject({ method: 'POST', url: '/api/v1/imports/members', payload: form as never }), 403, 'OUT_OF_SCOPE');

    // The member is untouched, and townB can do what townA could not.
    const still = expectOk(await townB.get(`/api/v1/members/${target.id}`));
    expect(still.phoneMasked).not.toBe('137****0000');
    expect(still.membership.status).toBe('active');
  });
});

describe('read-only roles', () => {
  it('an auditor reads every roster but changes and exports nothing', async () => {
    const auditor = await signIn(t.app, 'auditor', PASSWORD);
    const all = await list(auditor, 'pageSize=200');
    expect(all.items.some((i) => i.orgId === w.unionA)).toBe(true);
    expect(all.items.some((i) => i.orgId === w.unionB)).toBe(true);
    const target = all.items[0];
    expectError(await auditor.patch(`/api/v1/members/${target.id}`, { phone: '13700000001' }), 403, 'FORBIDDEN');
    expectError(await auditor.post('/api/v1/members', { orgId: w.unionA, name: '审计员', idNumber: idNumber(450) }), 403, 'FORBIDDEN');
    expectError(await auditor.post(`/api/v1/members/${target.id}/unmask`), 403, 'FORBIDDEN');
    expectError(await auditor.get('/api/v1/members/export.xlsx'), 403, 'FORBIDDEN');
    expectError(await auditor.post(`/api/v1/members/${target.id}/transfer`, { toOrgId: w.unionA2, reason: '测试' }), 403, 'FORBIDDEN');
  });
});

describe('a member account', () => {
  it('sees only their own record', async () => {
    const self = await addMember(t.ctx, w.unionA, 200);
    const other = await addMember(t.ctx, w.unionA, 201);
    const created = expectOk(await admin.post('/api/v1/users', { username: 'member_200', role: 'member', personId: self.id, password: PASSWORD }), 201);
    expect(created.user).toMatchObject({ role: 'member', personId: self.id, mustChangePassword: true });
    // A member account must point at an existing person.
    const bad = expectError(await admin.post('/api/v1/users', { username: 'member_none', role: 'member', personId: 999999, password: PASSWORD }), 400, 'VALIDATION');
    expect(bad.details[0].field).toBe('personId');
    const m = await signIn(t.app, 'member_200', PASSWORD);
    expectError(await m.get('/api/v1/members'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectOk(await m.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Member-Own-Pw-200' }));

    const mine = await list(m, '');
    expect(mine.items.map((i) => i.id)).toEqual([self.id]);
    expect(mine.total).toBe(1);
    expect((await list(m, `q=${idNumber(201)}`)).total).toBe(0);
    expect(expectOk(await m.get(`/api/v1/members/${self.id}`)).id).toBe(self.id);
    expectError(await m.get(`/api/v1/members/${other.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await m.post(`/api/v1/members/${other.id}/unmask`, {}), 403);
    // Their own full number is theirs to see.
    expect(expectOk(await m.post(`/api/v1/members/${self.id}/unmask`, {})).idNumber).toBe(idNumber(200));
    expectError(await m.patch(`/api/v1/members/${self.id}`, { phone: '13700000200' }), 403, 'FORBIDDEN');
    expectError(await m.get('/api/v1/orgs?tree=1'), 403, 'FORBIDDEN');
  });
});

describe('unmasking', () => {
  it('is refused without member.unmask and audited when allowed', async () => {
    const a = await addMember(t.ctx, w.unionA, 300);
    const b = await addMember(t.ctx, w.unionB, 301);
    expectError(await townA.post(`/api/v1/members/${a.id}/unmask`, {}), 403, 'FORBIDDEN');
    expect(expectOk(await townA.get(`/api/v1/members/${a.id}`)).canUnmask).toBe(false);

    // The body is optional.
    expect(expectOk(await admin.post(`/api/v1/members/${a.id}/unmask`)).idNumber).toBe(idNumber(300));
    const full = expectOk(await admin.post(`/api/v1/members/${a.id}/unmask`, { reason: '核对身份' }));
    expect(full).toEqual({ idNumber: idNumber(300), phone: `139${String(10000000 + 300).slice(-8)}` });
    const entries = (await auditOf(admin, 'member.unmask')).filter((e) => e.entityId === String(a.id));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ username: 'admin', orgId: w.unionA, detail: { reason: '核对身份' } });
    expect(JSON.stringify(entries)).not.toContain(idNumber(300));

    const users = expectOk(await admin.get('/api/v1/users?q=town_a')).items as { id: number; username: string }[];
    const townAUser = users.find((u) => u.username === 'town_a')!;
    expectOk(await admin.patch(`/api/v1/users/${townAUser.id}`, { permissions: ['member.unmask'] }));
    // The grant applies to the running session.
    expect(expectOk(await townA.get(`/api/v1/members/${a.id}`)).canUnmask).toBe(true);
    expect(expectOk(await townA.post(`/api/v1/members/${a.id}/unmask`, {})).idNumber).toBe(idNumber(300));
    expectError(await townA.post(`/api/v1/members/${b.id}/unmask`, {}), 403, 'OUT_OF_SCOPE');
    // Only grantable permissions can be granted.
    expectError(await admin.patch(`/api/v1/users/${townAUser.id}`, { permissions: ['user.manage'] }), 400, 'VALIDATION');
    expectOk(await admin.patch(`/api/v1/users/${townAUser.id}`, { permissions: [] }));
    expectError(await townA.post(`/api/v1/members/${a.id}/unmask`, {}), 403, 'FORBIDDEN');
  });
});

describe('editing and status', () => {
  it('a phone change is audited with before/after and never the plain ID number', async () => {
    const p = await addMember(t.ctx, w.unionA, 350);
    const full = idNumber(350);
    const updated = expectOk(await townA.patch(`/api/v1/members/${p.id}`, { phone: '13655556666' }));
    expect(updated.phoneMasked).toBe('136****6666');
    const entries = (await auditOf(admin, 'member.', `&entity=person&entityId=${p.id}`));
    const upd = entries.find((e) => e.action === 'member.update')!;
    expect(upd).toBeDefined();
    expect((upd.before as { phone: string }).phone).toBe(`139${String(10000000 + 350).slice(-8)}`);
    expect((upd.after as { phone: string }).phone).toBe('13655556666');
    expect(upd.detail).toEqual({ fields: ['phone'] });
    expect(entries.map((e) => e.action)).toContain('member.create');
    const json = JSON.stringify(entries);
    expect(json).not.toContain(full);
    expect(json).not.toContain(full.slice(0, 17));
    expect(json).toContain(mask(full));
  });

  it('persons.id_enc never holds the plain ID number', async () => {
    const rows = await t.ctx.db.selectFrom('persons').select(['id', 'id_enc', 'id_hash', 'id_masked']).execute();
    expect(rows.length).toBeGreaterThan(10);
    const plain = await Promise.all(rows.map(async (r) => expectOk(await admin.post(`/api/v1/members/${r.id}/unmask`, {})).idNumber as string));
    rows.forEach((r, i) => {
      expect(r.id_enc).not.toContain(plain[i]);
      expect(r.id_enc).not.toContain(plain[i].slice(6, 14));
      expect(r.id_hash).not.toContain(plain[i]);
      expect(r.id_masked).toBe(mask(plain[i]));
    });
  });

  it('retain, restore and leave change the status and leave a history', async () => {
    const p = await addMember(t.ctx, w.unionA, 360);
    const act = (action: string, reason: string) => townA.post(`/api/v1/members/${p.id}/status`, { action, reason });
    expect(expectOk(await act('retain', '退休'))).toEqual({ status: 'retained', statusName: '保留会籍' });
    expectError(await act('retain', '再次'), 409, 'BAD_STATUS');
    expect((await list(townA, `status=retained&orgId=${w.unionA}`)).items.map((i) => i.id)).toContain(p.id);
    expect(expectOk(await act('restore', '返聘'))).toMatchObject({ status: 'active' });
    expect(expectOk(await act('leave', '调离本区'))).toMatchObject({ status: 'left', statusName: '退会' });
    expectError(await act('restore', '无效'), 409, 'NOT_A_MEMBER');
    expectError(await townA.patch(`/api/v1/members/${p.id}`, { phone: '13700000360' }), 409, 'NOT_A_MEMBER');

    // Left members leave the current roster but stay visible to the union they left.
    expect((await list(townA, `orgId=${w.unionA}&pageSize=200`)).items.map((i) => i.id)).not.toContain(p.id);
    expect((await list(townA, `orgId=${w.unionA}&status=left`)).items.map((i) => i.id)).toContain(p.id);
    expect(expectOk(await townA.get(`/api/v1/members/${p.id}`)).membership).toBeNull();
    const h = expectOk(await townA.get(`/api/v1/members/${p.id}/history`));
    expect(h.memberships).toEqual([expect.objectContaining({ orgId: w.unionA, status: 'left', reason: '调离本区' })]);
    expect(h.memberships[0].endedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(h.events.map((e: { event: string; reason: string }) => [e.event, e.reason])).toEqual([['retained', '退休'], ['restored', '返聘'], ['left', '调离本区']]);
    expectError(await townB.get(`/api/v1/members/${p.id}/history`), 403, 'OUT_OF_SCOPE');

    // A former member may join again, anywhere.
    expectOk(await townB.post('/api/v1/members', { orgId: w.unionB, name: '张再入', idNumber: idNumber(360) }), 201);
    const h2 = expectOk(await townB.get(`/api/v1/members/${p.id}/history`));
    expect(h2.memberships.map((m: { orgName: string; status: string }) => [m.orgName, m.status])).toEqual([['其他工会', 'left'], ['北京密云乙科技有限公司工会', 'active']]);
  });
});
