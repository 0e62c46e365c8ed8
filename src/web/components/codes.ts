import type { CodeEntry } from '../../shared/codes/table';
import { EDUCATION, ETHNICITIES, HOUSEHOLD_TYPES, POLITICAL_STATUS } from '../../shared/codes/people';
import { EMPLOYMENT_STATUS, JOIN_METHODS, MEMBERSHIP_STATUS, ORG_TYPES } from '../../shared/codes/union';
import { SKILL_LEVELS } from '../../shared/codes/skills';

export { EDUCATION, ETHNICITIES, HOUSEHOLD_TYPES, POLITICAL_STATUS, EMPLOYMENT_STATUS, JOIN_METHODS, MEMBERSHIP_STATUS, ORG_TYPES, SKILL_LEVELS };

/** The display name of a stored code (falls back to the stored text, which may already be a name). */
export function codeLabel(table: readonly CodeEntry[], code: string | null | undefined, en = false): string {
  if (code === null || code === undefined || code === '') return '—';
  const hit = table.find((e) => e.code === code) ?? table.find((e) => e.name === code || e.aliases?.includes(code));
  if (!hit) return code;
  return en && hit.nameEn ? hit.nameEn : hit.name;
}

export function codeOptions(table: readonly CodeEntry[], en = false) {
  return table.map((e) => ({ value: e.code, label: en && e.nameEn ? e.nameEn : e.name }));
}

export const STATUS_COLORS: Record<string, string> = { active: 'green', transferring: 'orange', retained: 'blue', left: 'default' };

export const EVENT_NAMES: Record<string, { zh: string; en: string }> = {
  transfer_requested: { zh: '申请转出', en: 'Transfer requested' },
  transfer_accepted: { zh: '转入已接收', en: 'Transfer accepted' },
  transfer_rejected: { zh: '转入被拒绝', en: 'Transfer rejected' },
  transfer_cancelled: { zh: '撤回转出', en: 'Transfer cancelled' },
  retained: { zh: '保留会籍', en: 'Membership retained' },
  restored: { zh: '恢复会籍', en: 'Membership restored' },
  left: { zh: '退会', en: 'Left the union' },
  joined: { zh: '入会', en: 'Joined' },
};
