import type { Kdb } from '../../db/connection.js';
import type { Selectable } from 'kysely';
import type { ApplicationsTable, ResolvedStep } from '../../db/tables/workflow.js';
import type { Permission } from '../../access/roles.js';
import { Errors } from '../../http/errors.js';

export type { ResolvedStep };
export type ApplicationRow = Selectable<ApplicationsTable>;

export const STEP_LEVELS = ['grassroots', 'town', 'district'] as const;
export type StepLevel = (typeof STEP_LEVELS)[number];

export const LEVEL_NAMES: Record<StepLevel, { zh: string; en: string }> = {
  grassroots: { zh: '基层工会', en: 'Grassroots union' },
  town: { zh: '镇街/园区工会', en: 'Town / park federation' },
  district: { zh: '区总工会', en: 'District federation' },
};

/** A review step as a module declares it: who reviews is a level of the tree, not a person. */
export interface StepDef {
  key: string;
  nameZh: string;
  nameEn: string;
  level: StepLevel;
  /** working days are not modelled; calendar days from the step's start */
  dueDays: number;
}

/** What a module declares for one kind of application; the engine does the rest. */
export interface ApplicationTypeDef {
  type: string;
  nameZh: string;
  nameEn: string;
  steps: StepDef[];
  /** who may file for someone else (staff); members file for themselves with assist.apply */
  filePermission?: Permission;
  /** who may review; default assist.review */
  reviewPermission?: Permission;
  /** who may read applications of this type in their scope; default assist.read */
  readPermission?: Permission;
  /** console page of the module's detail view, for links in notices */
  consolePath?: (id: number) => string;
  /** inside the final approval's transaction; may adjust amounts or refuse with an AppError */
  onApproved?: (tx: Kdb, app: ApplicationRow) => Promise<void>;
  onPaid?: (tx: Kdb, app: ApplicationRow) => Promise<void>;
}

const types = new Map<string, ApplicationTypeDef>();

export function registerApplicationType(def: ApplicationTypeDef): void {
  checkSteps(def.steps);
  types.set(def.type, def);
}

export function applicationType(type: string): ApplicationTypeDef {
  const def = types.get(type);
  if (!def) throw Errors.badRequest('UNKNOWN_TYPE', `未知的申请类型：${type}`, `Unknown application type: ${type}`);
  return def;
}

export function allApplicationTypes(): ApplicationTypeDef[] {
  return [...types.values()];
}

/** Steps climb the tree: each level at most once, in order grassroots → town → district. */
export function checkSteps(steps: StepDef[]): void {
  const problems: string[] = [];
  if (!steps.length) problems.push('至少需要一个审批环节');
  let last = -1;
  for (const s of steps) {
    const i = STEP_LEVELS.indexOf(s.level);
    if (i < 0) problems.push(`未知的审批层级：${s.level}`);
    else if (i <= last) problems.push('审批环节须自下而上：基层工会 → 镇街/园区 → 区总工会，每级一次');
    last = Math.max(last, i);
    if (!Number.isInteger(s.dueDays) || s.dueDays < 1 || s.dueDays > 60) problems.push(`“${s.nameZh}”的办理时限须为 1–60 天`);
    if (!s.nameZh?.trim()) problems.push('每个环节须有名称');
  }
  if (problems.length) {
    throw Errors.validation(problems.map((message) => ({ field: 'steps', code: 'STEPS_INVALID', message, messageEn: 'Invalid review steps' })));
  }
}
