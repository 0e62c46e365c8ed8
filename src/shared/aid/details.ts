/** The per-type details of an aid application (stored as jsonb, validated with these schemas on the server and in the form). */
import { z } from 'zod';
import type { AidType } from './types.js';

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fen = z.number().int().min(0).max(1_000_000_000_00);

export const MedicalBill = z.object({
  hospital: z.string().trim().min(1).max(80),
  date: ymd,
  totalFen: fen,
  /** paid by basic medical insurance (一次报销) */
  insuredFen: fen,
});
export type MedicalBill = z.infer<typeof MedicalBill>;

export const SCHOOL_STAGES = ['primary', 'junior', 'senior', 'vocational', 'college', 'undergraduate', 'postgraduate'] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];
export const STAGE_INFO: Record<SchoolStage, { zh: string; en: string; years: number }> = {
  primary: { zh: '小学', en: 'Primary school', years: 6 },
  junior: { zh: '初中', en: 'Junior secondary', years: 3 },
  senior: { zh: '高中', en: 'Senior secondary', years: 3 },
  vocational: { zh: '中职', en: 'Secondary vocational', years: 3 },
  college: { zh: '大专（高职）', en: 'College (3-year)', years: 3 },
  // 5 years: medicine and architecture take five
  undergraduate: { zh: '本科', en: 'Undergraduate', years: 5 },
  postgraduate: { zh: '研究生', en: 'Postgraduate', years: 3 },
};

export const EVENT_KINDS = ['disaster', 'accident', 'illness', 'other'] as const;
export const EVENT_NAMES: Record<(typeof EVENT_KINDS)[number], { zh: string; en: string }> = {
  disaster: { zh: '自然灾害', en: 'Natural disaster' },
  accident: { zh: '意外事故', en: 'Accident' },
  illness: { zh: '突发重大疾病', en: 'Sudden serious illness' },
  other: { zh: '其他突发事件', en: 'Other sudden event' },
};

export const AidDetailSchemas = {
  living: z.object({}).strict(),
  medical: z.object({ bills: z.array(MedicalBill).min(1).max(50) }).strict(),
  education: z.object({
    child: z.object({
      name: z.string().trim().min(1).max(40),
      school: z.string().trim().min(1).max(80),
      stage: z.enum(SCHOOL_STAGES),
      grade: z.string().trim().max(20).optional(),
      admissionYear: z.number().int().min(1990).max(2100),
    }).strict(),
  }).strict(),
  winter: z.object({}).strict(),
  summer: z.object({}).strict(),
  temporary: z.object({
    event: z.object({
      kind: z.enum(EVENT_KINDS),
      date: ymd,
      description: z.string().trim().min(1).max(500),
    }).strict(),
  }).strict(),
} satisfies Record<AidType, z.ZodType>;

export type AidDetails = {
  [K in AidType]: z.infer<(typeof AidDetailSchemas)[K]>;
};
