import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { Errors } from '../../http/errors.js';
import type { ResolvedStep, StepDef, StepLevel } from './workflow.types.js';

const LEVEL_ORG_TYPES: Record<StepLevel, readonly string[]> = {
  grassroots: ['grassroots', 'joint'],
  town: ['town', 'park', 'industry'],
  district: ['district'],
};

/** The path's ids from the root down, e.g. '/1/7/42/' → [1, 7, 42]. */
function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/**
 * Turns declared levels into the organisations that review this application: for each
 * level the nearest organisation of that kind on the filing org's path (itself included).
 * Levels absent on the path are dropped (a member held directly by a town union has no
 * grassroots step); a level above the filing org's own position is never skipped.
 */
export async function resolveSteps(tx: Kdb, filingOrgId: number, defs: StepDef[]): Promise<ResolvedStep[]> {
  const filing = await tx.selectFrom('orgs').select(['id', 'path', 'status']).where('id', '=', filingOrgId).executeTakeFirst();
  if (!filing) throw Errors.notFound('组织', 'Organisation');
  const ids = pathIds(filing.path);
  const chain = await tx.selectFrom('orgs').select(['id', 'name', 'type', 'path']).where('id', 'in', ids).execute();
  const byDepth = ids.map((id) => chain.find((o) => o.id === id)!).reverse(); // nearest first
  const out: ResolvedStep[] = [];
  for (const d of defs) {
    const org = byDepth.find((o) => LEVEL_ORG_TYPES[d.level].includes(o.type));
    if (!org) continue;
    out.push({ key: d.key, nameZh: d.nameZh, nameEn: d.nameEn, level: d.level, dueDays: d.dueDays, orgId: org.id, orgName: org.name, orgPath: org.path });
  }
  if (!out.length) {
    throw Errors.badRequest('NO_REVIEWER', '该组织之上没有可以审批此类申请的工会，请联系区总工会', 'No organisation above this one can review this kind of application');
  }
  return out;
}

/**
 * Whether the actor reviews on behalf of the step's organisation: their own organisation
 * must BE that organisation (a district administrator does not sign for a grassroots union,
 * so no level can be skipped from above).
 */
export function actsFor(actor: Actor, step: Pick<ResolvedStep, 'orgId' | 'orgPath'>): boolean {
  const isRoot = pathIds(step.orgPath).length === 1;
  if (actor.role === 'member' || actor.role === 'auditor') return false;
  if (isRoot && actor.role === 'district_admin' && actor.orgId === null) return true;
  return actor.orgId === step.orgId;
}
