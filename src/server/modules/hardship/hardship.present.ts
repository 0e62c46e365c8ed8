import type { AttachmentView } from '../attachments/attachments.service.js';
import type { TierResult } from '../../../shared/hardship/tier.js';
import {
  ACCIDENT_CONSEQUENCES, ACCIDENT_KINDS, codeNames, EXCLUSIONS, EXIT_REASONS, EXPENSE_KINDS, HARDSHIP_CAUSES, HARDSHIP_IDENTITIES,
  HARDSHIP_TIERS, HOUSING_TYPES, INCOME_KINDS, MEDICAL_INSURANCE, RECORD_STATUSES, RELATIONS,
} from '../../../shared/hardship/codes.js';
import type { RecordRow } from './hardship.repo.js';

export interface RecordPermissions {
  canEdit: boolean;
  canVerify: boolean;
  canReview: boolean;
  canExit: boolean;
  canUnmask: boolean;
}

/** The anniversary of a date ('YYYY-MM-DD'); 29 February falls due on 28 February. */
export function oneYearAfter(d: string): string {
  const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
  return `${Number(d.slice(0, 4)) + 1}-${md}`;
}

const zh = (table: Parameters<typeof codeNames>[0], code: string | null | undefined) => codeNames(table, code)?.zh ?? code ?? null;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

const EVENT_NAMES: Record<string, string> = { create: '建档', update: '修改', verify: '核实', review: '年度复核', exit: '解困脱困' };

/**
 * The detail view. Sensitive fields leave the server only as '***' (recorded) or null (none):
 * the worker's and household members' health and disability data, household ID numbers beyond
 * the mask, and the description of an accident.
 */
export function presentRecord(
  r: RecordRow,
  extra: { events: { id: number; action: string; tier: string; tier_year: number; per_capita_fen: number; comment: string | null; actor_name: string | null; at: Date | string }[]; attachments: AttachmentView[]; arithmetic: TierResult | null; permissions: RecordPermissions; today: string },
) {
  const dueOn = oneYearAfter(r.last_reviewed_on);
  return {
    id: r.id,
    person: { id: r.person_id, name: r.person_name, gender: r.gender, birthDate: r.person_birth_date, idNumberMasked: r.id_masked, employerName: r.employer_name },
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    statusName: zh(RECORD_STATUSES, r.status),
    identity: r.identity,
    identityName: zh(HARDSHIP_IDENTITIES, r.identity),
    mainCause: r.main_cause,
    causes: r.causes,
    causeNames: r.causes.map((c) => zh(HARDSHIP_CAUSES, c)),
    housingType: r.housing_type,
    housingTypeName: zh(HOUSING_TYPES, r.housing_type),
    medicalInsurance: r.medical_insurance,
    medicalInsuranceName: zh(MEDICAL_INSURANCE, r.medical_insurance),
    singleParent: r.single_parent,
    zeroEmployment: r.zero_employment,
    health: r.health_recorded ? '***' : null,
    household: r.household.map((m) => ({
      id: m.id, name: m.name, relation: m.relation, relationName: zh(RELATIONS, m.relation), birthDate: m.birthDate, age: m.age,
      idNumberMasked: m.idMasked, identity: m.identity, employerOrSchool: m.employerOrSchool, health: m.healthRecorded ? '***' : null,
    })),
    incomes: r.incomes.map((i) => ({ ...i, kindName: zh(INCOME_KINDS, i.kind) })),
    expenses: r.expenses.map((i) => ({ ...i, kindName: zh(EXPENSE_KINDS, i.kind) })),
    accident: r.accident ? {
      ...r.accident, kindName: zh(ACCIDENT_KINDS, r.accident.kind), consequenceName: zh(ACCIDENT_CONSEQUENCES, r.accident.consequence), description: '***',
    } : null,
    exclusions: r.exclusions,
    exclusionNames: r.exclusions.map((x) => zh(EXCLUSIONS, x)),
    note: r.note,
    assessment: {
      tier: r.tier,
      tierName: zh(HARDSHIP_TIERS, r.tier),
      year: r.tier_year,
      perCapitaFen: r.per_capita_fen,
      householdSize: r.household_size,
      annualIncomeFen: r.annual_income_fen,
      annualExpenseFen: r.annual_expense_fen,
      lines: extra.arithmetic?.lines ?? null,
      steps: extra.arithmetic?.steps ?? [],
      // The year's thresholds were edited after this assessment: a review will apply them.
      thresholdsChanged: extra.arithmetic !== null && extra.arithmetic.tier !== r.tier,
    },
    verified: r.verified_at !== null,
    verifiedAt: iso(r.verified_at),
    verifiedBy: r.verified_by_name,
    createdAt: iso(r.created_at),
    createdBy: r.created_by_name,
    lastReviewedOn: r.last_reviewed_on,
    reviewDueOn: dueOn,
    reviewDue: r.status === 'open' && dueOn <= extra.today,
    exitedAt: iso(r.exited_at),
    exitedBy: r.exited_by_name,
    exitReason: r.exit_reason,
    exitReasonName: zh(EXIT_REASONS, r.exit_reason),
    exitNote: r.exit_note,
    attachments: extra.attachments,
    history: extra.events.map((e) => ({
      id: e.id, action: e.action, actionName: EVENT_NAMES[e.action] ?? e.action, tier: e.tier, tierName: zh(HARDSHIP_TIERS, e.tier),
      tierYear: e.tier_year, perCapitaFen: e.per_capita_fen, comment: e.comment, by: e.actor_name, at: iso(e.at),
    })),
    ...extra.permissions,
  };
}
