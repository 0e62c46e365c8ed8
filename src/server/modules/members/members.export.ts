import { PassThrough } from 'node:stream';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { can, require, type Actor } from '../../access/actor.js';
import { Errors } from '../../http/errors.js';
import { writeSheet } from '../../excel/xlsx-writer.js';
import { maskPhone } from '../../../shared/phone.js';
import { codeName } from '../../../shared/codes/table.js';
import { EDUCATION, EMPLOYMENT_STATUS, ETHNICITIES, HOUSEHOLD_TYPES, JOIN_METHODS, POLITICAL_STATUS, SKILL_LEVELS } from '../../../shared/codes/index.js';
import { audit } from '../audit/audit.service.js';
import { iterateMembers } from './members.repo.js';
import { STATUS_NAMES, toQuery, type MemberListInput } from './members.service.js';

const HEADERS = [
  { key: 'name', label: '姓名' }, { key: 'idNumber', label: '身份证号码', width: 22 }, { key: 'gender', label: '性别' },
  { key: 'birthDate', label: '出生日期', width: 12 }, { key: 'ethnicity', label: '民族' }, { key: 'education', label: '学历' },
  { key: 'political', label: '政治面貌' }, { key: 'householdType', label: '户籍类型' }, { key: 'phone', label: '手机号码', width: 14 },
  { key: 'employerName', label: '工作单位', width: 30 }, { key: 'employmentStatus', label: '就业状态' }, { key: 'occupation', label: '职业' },
  { key: 'skillLevel', label: '技能等级' }, { key: 'orgName', label: '所属工会', width: 30 }, { key: 'status', label: '会籍状态' },
  { key: 'joinedOn', label: '入会时间', width: 12 }, { key: 'joinMethod', label: '入会方式' }, { key: 'cardNo', label: '会员卡号', width: 20 },
  { key: 'isMigrant', label: '是否农民工' }, { key: 'isIndustrial', label: '是否产业工人' }, { key: 'isNewEmployment', label: '是否新就业形态劳动者' },
  { key: 'isModelWorker', label: '是否劳模' },
];

const yes = (b: boolean) => (b ? '是' : '否');
const named = (t: Parameters<typeof codeName>[0], c: string | null) => (c ? codeName(t, c) ?? c : null);

/**
 * Streams the filtered roster as .xlsx, in the import template's columns so it can be re-imported.
 * ID and phone numbers are masked unless the caller holds member.unmask and asks for full numbers.
 * The export itself is audited with its filter and row count.
 */
export async function exportMembers(ctx: AppContext, actor: Actor, filter: Omit<MemberListInput, 'page' | 'pageSize'>, out: NodeJS.WritableStream, opts: { unmask?: boolean } = {}) {
  require(actor, 'member.export');
  if (opts.unmask && !can(actor, 'member.unmask')) throw Errors.forbidden('您没有导出完整证件号码的权限', 'You may not export full ID numbers');
  const q = await toQuery(ctx, actor, filter);
  const { page: _p, pageSize: _s, ...query } = q;
  const cipher = ctx.cipher;
  async function* rows() {
    for await (const batch of iterateMembers(ctx.db, actor, query)) {
      for (const r of batch) {
        yield {
          name: r.name,
          idNumber: opts.unmask ? cipher.decrypt(r.id_enc) : r.id_masked,
          gender: r.gender === 'M' ? '男' : r.gender === 'F' ? '女' : null,
          birthDate: r.birth_date,
          ethnicity: named(ETHNICITIES, r.ethnicity),
          education: named(EDUCATION, r.education),
          political: named(POLITICAL_STATUS, r.political),
          householdType: named(HOUSEHOLD_TYPES, r.household_type),
          phone: r.phone ? (opts.unmask ? r.phone : maskPhone(r.phone)) : null,
          employerName: r.employer_name,
          employmentStatus: named(EMPLOYMENT_STATUS, r.employment_status),
          occupation: r.occupation,
          skillLevel: named(SKILL_LEVELS, r.skill_level),
          orgName: r.org_name,
          status: STATUS_NAMES[r.status],
          joinedOn: r.joined_on,
          joinMethod: named(JOIN_METHODS, r.join_method),
          cardNo: r.card_no,
          isMigrant: yes(r.is_migrant),
          isIndustrial: yes(r.is_industrial),
          isNewEmployment: yes(r.is_new_employment),
          isModelWorker: yes(r.is_model_worker),
        };
      }
    }
  }
  // The workbook passes through `sink`; the download ends only after the audit entry is
  // committed, so no one holds an export the audit log does not show.
  const sink = new PassThrough();
  sink.pipe(out as NodeJS.WritableStream, { end: false });
  const count = await writeSheet(sink, '会员花名册', HEADERS.map((h) => ({ ...h, kind: 'text' as const })), rows());
  if (!sink.readableEnded) await new Promise((resolve) => sink.once('end', resolve));
  await inTransaction(ctx, (tx) =>
    audit(tx, actor, { action: 'member.export', entity: 'member', orgId: actor.orgId, detail: { filter, rows: count, unmasked: !!opts.unmask } }));
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  return count;
}
