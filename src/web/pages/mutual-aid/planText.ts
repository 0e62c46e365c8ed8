import { ratioText, yuan, type Plan } from './types';

/** A plan's rules in one line: 起付线, ratio, caps, waiting period. */
export function planRuleText(p: Plan, tr: (zh: string, en: string) => string): string {
  const ded = p.deductibleBasis === 'per_year' ? tr(`年度起付线 ${yuan(p.deductibleFen)} 元`, `yearly deductible ${yuan(p.deductibleFen)}`) : tr(`每次起付线 ${yuan(p.deductibleFen)} 元`, `deductible per claim ${yuan(p.deductibleFen)}`);
  const caps = [
    p.capPerClaimFen !== null ? tr(`每次限额 ${yuan(p.capPerClaimFen)} 元`, `cap per claim ${yuan(p.capPerClaimFen)}`) : null,
    p.capPerYearFen !== null ? tr(`年度限额 ${yuan(p.capPerYearFen)} 元`, `yearly cap ${yuan(p.capPerYearFen)}`) : null,
  ].filter(Boolean);
  return [ded, tr(`报销 ${ratioText(p.ratioBp)}`, `${ratioText(p.ratioBp)} reimbursed`), ...caps, tr(`等待期 ${p.waitingDays} 天`, `${p.waitingDays}-day waiting period`)].join(tr('，', ', '));
}
