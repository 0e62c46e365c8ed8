import { INDUSTRY_SECTIONS, validateIndustryCode } from '../../../shared/codes/industry';
import { MIYUN_DIVISIONS } from '../../../shared/codes/miyun';
import { OWNERSHIP_TYPES } from '../../../shared/codes/union';
import { codeLabel } from '../../components/codes';

/** GET /enterprises item and GET /enterprises/{id} (src/server/modules/enterprises/enterprises.service.ts). */
export interface Enterprise {
  id: number;
  creditCode: string;
  name: string;
  ownership: string | null;
  industryCode: string | null;
  divisionCode: string | null;
  employees: number;
  unionEstablished: boolean;
  unionSince: string | null;
  inPark: boolean;
  listed: boolean;
  orgId: number;
  orgName: string;
  address: string | null;
  members?: number;
}

export const ENTERPRISE_FIELD_LABELS: Record<string, [string, string]> = {
  creditCode: ['统一社会信用代码', 'Credit code'],
  name: ['单位名称', 'Name'],
  ownership: ['经济类型', 'Ownership'],
  industryCode: ['行业代码', 'Industry code'],
  divisionCode: ['所在镇街', 'Town / street'],
  employees: ['职工人数', 'Employees'],
  unionEstablished: ['已建工会', 'Union established'],
  unionSince: ['建会日期', 'Union founded'],
  inPark: ['园区企业', 'In an industrial park'],
  listed: ['上市企业', 'Listed'],
  orgId: ['所属工会', 'Covering union'],
  address: ['地址', 'Address'],
};

export function divisionName(code: string | null | undefined, en = false): string {
  if (!code) return '—';
  if (code === '110118') return en ? 'Miyun District' : '密云区';
  const d = MIYUN_DIVISIONS.find((x) => x.code === code);
  return d ? (en && d.nameEn ? d.nameEn : d.name) : code;
}

export function industryName(code: string | null | undefined, en = false): string {
  if (!code) return '—';
  const r = validateIndustryCode(code);
  const section = r.ok ? INDUSTRY_SECTIONS.find((s) => s.code === r.section) : undefined;
  if (!section) return code;
  return `${code} ${en ? section.nameEn : section.name}`;
}

export function ownershipName(v: string | null | undefined, en = false): string {
  return codeLabel(OWNERSHIP_TYPES, v, en);
}

/** The ownership code for a stored value that may be a code or a Chinese name. */
export function ownershipCode(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  return OWNERSHIP_TYPES.find((e) => e.code === v || e.name === v || e.aliases?.includes(v))?.code ?? v;
}
