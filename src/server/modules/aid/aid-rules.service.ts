/** The per-year amounts of each aid type (caps, fixed standards, the medical threshold and ratio). */
import { inTransaction, type AppContext } from '../../context.js';
import { can, require as need, type Actor } from '../../access/actor.js';
import { Errors, type ErrorDetail } from '../../http/errors.js';
import { AID_TYPE_INFO, type AidType, type AidYearRule } from '../../../shared/aid/types.js';
import { audit } from '../audit/audit.service.js';
import * as repo from './aid.repo.js';

function present(r: Awaited<ReturnType<typeof repo.allYearRules>>[number]) {
  const info = AID_TYPE_INFO[r.aid_type as AidType];
  return {
    year: r.year, aidType: r.aid_type, aidTypeName: info?.zh ?? r.aid_type, aidTypeNameEn: info?.en ?? r.aid_type,
    capFen: r.cap_fen, fixedFen: r.fixed_fen, thresholdFen: r.threshold_fen, ratioBp: r.ratio_bp, updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listYearRules(ctx: AppContext, actor: Actor, year?: number) {
  if (!can(actor, 'assist.apply')) need(actor, 'assist.read');
  const rows = year ? await repo.yearRules(ctx.db, year) : await repo.allYearRules(ctx.db);
  return rows.map(present);
}

export function checkYearRule(aidType: AidType, r: AidYearRule): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const fen = (v: number | null) => v === null || (Number.isSafeInteger(v) && v >= 0);
  if (!Number.isSafeInteger(r.capFen) || r.capFen <= 0) out.push({ field: 'capFen', code: 'AMOUNT', message: '上限须为正整数（分）', messageEn: 'The cap must be a positive number of fen' });
  if (!fen(r.fixedFen) || r.fixedFen === 0) out.push({ field: 'fixedFen', code: 'AMOUNT', message: '固定标准须为正整数（分）', messageEn: 'The fixed amount must be a positive number of fen' });
  else if (r.fixedFen !== null && r.fixedFen > r.capFen) out.push({ field: 'fixedFen', code: 'OVER_CAP', message: '固定标准不能高于上限', messageEn: 'The fixed amount exceeds the cap' });
  if (aidType === 'medical') {
    if (r.thresholdFen === null || !fen(r.thresholdFen)) out.push({ field: 'thresholdFen', code: 'REQUIRED', message: '医疗救助须设置起付标准（分）', messageEn: 'Medical aid needs a threshold in fen' });
    if (r.ratioBp === null || !Number.isInteger(r.ratioBp) || r.ratioBp < 1 || r.ratioBp > 10000) out.push({ field: 'ratioBp', code: 'RATIO', message: '救助比例须在0.01%至100%之间', messageEn: 'The ratio must be 1–10,000 basis points' });
  } else if (r.thresholdFen !== null || r.ratioBp !== null) {
    out.push({ field: 'thresholdFen', code: 'MEDICAL_ONLY', message: '起付标准和比例只适用于医疗救助', messageEn: 'Threshold and ratio apply to medical aid only' });
  }
  return out;
}

/** Set one type's rule for a year (district only); applications already filed keep their amounts. */
export async function putYearRule(ctx: AppContext, actor: Actor, year: number, aidType: AidType, rule: AidYearRule) {
  need(actor, 'assist.manage');
  const problems = checkYearRule(aidType, rule);
  if (problems.length) throw Errors.validation(problems);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findYearRule(tx, year, aidType);
    await repo.upsertYearRule(tx, year, aidType, rule, actor.userId || null);
    await audit(tx, actor, { action: 'aid.rule', entity: 'aid_year_rule', entityId: `${year}/${aidType}`, before, after: rule });
    return present((await repo.yearRules(tx, year)).find((r) => r.aid_type === aidType)!);
  });
}
