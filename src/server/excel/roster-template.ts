// The member roster import template (工会会员花名册导入模板).
//
// Sheets, in this order:
//   1. 会员花名册 — the sheet the importer reads: a title row, the header row
//      (required columns marked *, each header with a note on the expected
//      format), and nothing else. ID, phone and card columns are formatted as
//      text so Excel keeps all 18 digits; coded columns get dropdowns.
//   2. 填写说明 — instructions and a worked example row. The example lives here,
//      not on the import sheet, so it can never be imported by mistake.
//   3. 代码表 — hidden; the dropdown lists.

import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS, type ColumnSpec } from './roster-reader.js';

export interface MemberCodeLists {
  gender: string[];
  ethnicity: string[];
  education: string[];
  political: string[];
  householdType: string[];
  employmentStatus: string[];
  skillLevel: string[];
  joinMethod: string[];
  yesNo: string[];
}

export const TEMPLATE_TITLE = '工会会员花名册（导入模板）';
export const TEMPLATE_SHEET = '会员花名册';
export const TEMPLATE_GUIDE_SHEET = '填写说明';
export const TEMPLATE_CODES_SHEET = '代码表';

const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;
// Dropdowns cover this many data rows. Not the whole column: exceljs's
// (non-streaming) reader expands a validation range into one entry per cell,
// so a 1,048,576-row range makes the template unreadable for it.
const DROPDOWN_ROWS = 10_000;
const LAST_DATA_ROW = FIRST_DATA_ROW + DROPDOWN_ROWS - 1;

/** Which code list drives each coded column's dropdown. */
const CODED: Record<string, keyof MemberCodeLists> = {
  gender: 'gender',
  ethnicity: 'ethnicity',
  education: 'education',
  political: 'political',
  householdType: 'householdType',
  employmentStatus: 'employmentStatus',
  skillLevel: 'skillLevel',
  joinMethod: 'joinMethod',
  isMigrant: 'yesNo',
  isIndustrial: 'yesNo',
  isNewEmployment: 'yesNo',
  isModelWorker: 'yesNo',
};

const LIST_TITLES: Record<keyof MemberCodeLists, string> = {
  gender: '性别',
  ethnicity: '民族',
  education: '学历',
  political: '政治面貌',
  householdType: '户籍类型',
  employmentStatus: '就业状态',
  skillLevel: '技能等级',
  joinMethod: '入会方式',
  yesNo: '是/否',
};

const DATE_HINT = '格式：2020-01-05，也可填写 2020/1/5 或 2020年1月5日。';

const NOTES: Record<string, string> = {
  name: '填写会员本人姓名，与身份证一致。',
  idNumber: '18位居民身份证号码，末位字母X请大写。本列已设为文本格式，请勿改成数字格式，否则末几位会丢失。',
  birthDate: DATE_HINT,
  phone: '11位手机号码，不要加空格或横线。本列为文本格式。',
  employerCreditCode: '工作单位的18位统一社会信用代码（字母大写）。本列为文本格式。',
  employerName: '工作单位全称，与营业执照或登记证书一致。',
  occupation: '所从事的职业或岗位，如“快递员”“车工”。',
  joinedOn: `${DATE_HINT}只知道年月时可填 2015年3月。`,
  cardNo: '会员卡（京卡）卡号。本列为文本格式，请勿改成数字格式。',
};

const TEXT_COLUMNS = new Set(['idNumber', 'phone', 'employerCreditCode', 'cardNo']);

const WIDTHS: Record<string, number> = {
  name: 12,
  idNumber: 22,
  phone: 15,
  employerCreditCode: 24,
  employerName: 28,
  birthDate: 12,
  joinedOn: 12,
  cardNo: 22,
  isNewEmployment: 14,
};

/** Example values shown on the 填写说明 sheet (all fictitious). */
const EXAMPLE: Record<string, string> = {
  name: '张三',
  idNumber: '110228199001011234',
  gender: '男',
  ethnicity: '汉族',
  birthDate: '1990-01-01',
  education: '大学本科',
  political: '群众',
  householdType: '城镇',
  phone: '13800138000',
  employerCreditCode: '91110228MA01ABCD2X',
  employerName: '北京某某科技有限公司',
  employmentStatus: '在岗职工',
  occupation: '工程师',
  skillLevel: '无',
  joinedOn: '2020-01-05',
  joinMethod: '单位入会',
  cardNo: '',
  isMigrant: '否',
  isIndustrial: '否',
  isNewEmployment: '否',
  isModelWorker: '否',
};

function colLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function exampleValue(col: ColumnSpec, lists: MemberCodeLists): string {
  const listKey = CODED[col.key];
  const list = listKey ? lists[listKey] : undefined;
  const preferred = EXAMPLE[col.key] ?? '';
  if (list && list.length > 0 && !list.includes(preferred)) return list[0];
  return preferred;
}

function noteFor(col: ColumnSpec, lists: MemberCodeLists): string {
  const parts: string[] = [col.required ? '【必填】' : '【选填】'];
  const listKey = CODED[col.key];
  if (listKey && lists[listKey].length > 0) {
    const list = lists[listKey];
    const shown = list.length > 12 ? `${list.slice(0, 12).join('、')}等` : list.join('、');
    parts.push(`请从下拉列表中选择：${shown}。`);
  }
  if (NOTES[col.key]) parts.push(NOTES[col.key]);
  if (!listKey && !NOTES[col.key]) parts.push('按实际情况填写。');
  return parts.join('');
}

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Write the member roster import template (.xlsx) to `out`; resolves once `out` has finished. */
export async function writeMemberTemplate(out: NodeJS.WritableStream, codeLists: MemberCodeLists): Promise<void> {
  const columns = MEMBER_COLUMNS;
  const wb = new ExcelJS.Workbook();
  wb.creator = '区总工会工作平台';
  wb.created = new Date();

  // --- import sheet ----------------------------------------------------------
  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, activeCell: `A${FIRST_DATA_ROW}` }],
  });
  // Tab order = creation order: import sheet, instructions, hidden code table.
  const guide = wb.addWorksheet(TEMPLATE_GUIDE_SHEET);
  const codes = wb.addWorksheet(TEMPLATE_CODES_SHEET, { state: 'hidden' });
  const last = colLetter(columns.length);

  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = TEMPLATE_TITLE;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  const header = ws.getRow(HEADER_ROW);
  header.height = 30;
  columns.forEach((col, i) => {
    const c = i + 1;
    const column = ws.getColumn(c);
    column.width = WIDTHS[col.key] ?? Math.max(10, col.label.length * 2 + 2);
    if (TEXT_COLUMNS.has(col.key)) column.numFmt = '@';
    else if (col.kind === 'date') column.numFmt = 'yyyy-mm-dd';

    const cell = header.getCell(c);
    cell.value = col.required
      ? { richText: [{ text: '*', font: { bold: true, color: { argb: 'FFFF0000' } } }, { text: col.label, font: { bold: true } }] }
      : col.label;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: col.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.note = noteFor(col, codeLists);
  });

  // --- code table (hidden) and the dropdowns pointing at it -------------------
  const listNames = [...new Set(Object.values(CODED))];
  const listRange = new Map<keyof MemberCodeLists, string>();
  listNames.forEach((name, i) => {
    const values = codeLists[name] ?? [];
    const c = i + 1;
    codes.getCell(1, c).value = LIST_TITLES[name];
    codes.getCell(1, c).font = { bold: true };
    values.forEach((v, j) => {
      codes.getCell(j + 2, c).value = v;
    });
    codes.getColumn(c).width = 20;
    if (values.length > 0) {
      const L = colLetter(c);
      listRange.set(name, `'${TEMPLATE_CODES_SHEET}'!$${L}$2:$${L}$${values.length + 1}`);
    }
  });

  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  columns.forEach((col, i) => {
    const listKey = CODED[col.key];
    const range = listKey && listRange.get(listKey);
    if (!range) return;
    const L = colLetter(i + 1);
    validations.add(`${L}${FIRST_DATA_ROW}:${L}${LAST_DATA_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '输入值无效',
      error: `请从下拉列表中选择${col.label}`,
      showInputMessage: false,
    });
  });

  // --- instructions with the example ------------------------------------------
  guide.getColumn(1).width = 4;
  const lines = [
    '填写说明',
    `1. 请在“${TEMPLATE_SHEET}”工作表中从第${FIRST_DATA_ROW}行起逐行填写，每行一名会员；不要修改、删除或调换表头。`,
    '2. 带 * 的列为必填项；鼠标移到表头单元格上可查看该列的填写要求。',
    '3. 身份证号码、手机号码、信用代码、会员卡号列已设为文本格式。从其他表格粘贴时请使用“选择性粘贴 → 数值”，避免身份证号码变成数字而丢失末几位。',
    '4. 性别、民族、学历等列请从下拉列表中选择。',
    '5. 日期请按 2020-01-05 的格式填写。',
    '6. 下方为填写示例（虚构数据），仅供参考，不会被导入；请勿把示例行复制到花名册中。',
  ];
  lines.forEach((text, i) => {
    const cell = guide.getCell(i + 1, 2);
    cell.value = text;
    cell.font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
  });

  const exHeaderRow = lines.length + 2;
  guide.getCell(exHeaderRow - 1, 1).value = '示例';
  guide.getCell(exHeaderRow - 1, 1).font = { bold: true, color: { argb: 'FFC00000' } };
  columns.forEach((col, i) => {
    const h = guide.getCell(exHeaderRow, i + 2);
    h.value = col.required ? `*${col.label}` : col.label;
    h.font = { bold: true };
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    h.border = BORDER;
    guide.getColumn(i + 2).width = Math.max(WIDTHS[col.key] ?? 0, col.label.length * 2 + 2, 10);

    const v = guide.getCell(exHeaderRow + 1, i + 2);
    v.value = exampleValue(col, codeLists);
    v.numFmt = '@';
    v.font = { italic: true, color: { argb: 'FF808080' } };
    v.border = BORDER;
  });
  guide.getCell(exHeaderRow + 1, 1).value = '示例';
  guide.getCell(exHeaderRow + 1, 1).font = { italic: true, color: { argb: 'FF808080' } };

  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  await wb.xlsx.write(out as unknown as import('node:stream').Stream);
}
