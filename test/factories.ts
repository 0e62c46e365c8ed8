import { systemActor } from '../src/server/access/actor.js';
import type { Role } from '../src/server/access/roles.js';
import type { AppContext } from '../src/server/context.js';
import { insertOrg } from '../src/server/modules/orgs/orgs.repo.js';
import { createOrg } from '../src/server/modules/orgs/orgs.service.js';
import { createUser } from '../src/server/modules/auth/users.service.js';
import { createMember } from '../src/server/modules/members/members.service.js';
import { idCheckChar } from '../src/shared/idcard.js';

export const PASSWORD = 'Test-Passw0rd';

/** A valid ID number for a Miyun resident, unique per n. */
export function idNumber(n: number, opts: { prefix?: string; birth?: string; female?: boolean } = {}): string {
  const seq = (n % 500) * 2 + (opts.female ? 0 : 1);
  const birth = opts.birth ?? `19${70 + (Math.floor(n / 500) % 30)}0${1 + (n % 9)}1${n % 10}`;
  const first17 = `${opts.prefix ?? '110118'}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export interface World {
  district: number;
  townA: number;
  townB: number;
  unionA: number;
  unionA2: number;
  unionB: number;
  bureau: number;
}

/** Two towns with a grassroots union each, a bureau, and a login per role. */
export async function buildWorld(ctx: AppContext): Promise<World> {
  const sys = systemActor('test');
  const root = await insertOrg(ctx.db, {
    parent_id: null, name: '密云区总工会', short_name: null, type: 'district', credit_code: '81110118MA01ABCD5B', division_code: '110118',
    founded_on: null, term: null, chair: null, address: null, phone: null,
  }, null);
  const townA = await createOrg(ctx, sys, { parentId: root.id, name: '鼓楼街道总工会', type: 'town', divisionCode: '110118001' });
  const townB = await createOrg(ctx, sys, { parentId: root.id, name: '果园街道总工会', type: 'town', divisionCode: '110118002' });
  const unionA = await createOrg(ctx, sys, { parentId: townA.id, name: '北京密云甲食品有限公司工会', type: 'grassroots' });
  const unionA2 = await createOrg(ctx, sys, { parentId: townA.id, name: '北京密云丙建材有限公司工会', type: 'grassroots' });
  const unionB = await createOrg(ctx, sys, { parentId: townB.id, name: '北京密云乙科技有限公司工会', type: 'grassroots' });
  const bureau = await createOrg(ctx, sys, { parentId: root.id, name: '区人力资源社会保障局', type: 'member_unit' });
  const users: [string, Role, number | undefined][] = [
    ['admin', 'district_admin', undefined],
    ['town_a', 'org_admin', townA.id],
    ['town_b', 'org_admin', townB.id],
    ['union_a', 'org_admin', unionA.id],
    ['bureau', 'unit_staff', bureau.id],
    ['auditor', 'auditor', undefined],
  ];
  for (const [username, role, orgId] of users) {
    await createUser(ctx, sys, { username, role, orgId, password: PASSWORD, mustChangePassword: false });
  }
  return { district: root.id, townA: townA.id, townB: townB.id, unionA: unionA.id, unionA2: unionA2.id, unionB: unionB.id, bureau: bureau.id };
}

export async function addMember(ctx: AppContext, orgId: number, n: number, extra: Record<string, unknown> = {}) {
  return createMember(ctx, systemActor('test'), { orgId, name: `张${'三四五六七八九'[n % 7]}${n}`.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]), idNumber: idNumber(n), phone: `139${String(10000000 + n).slice(-8)}`, ...extra });
}
