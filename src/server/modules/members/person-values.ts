import type { FieldCipher } from '../../security/field-cipher.js';
import { maskIdNumber } from '../../../shared/idcard.js';
import { nameGrams, type MemberRecord } from '../../../shared/member-input.js';

/** Column values of a person row: the ID number only encrypted, indexed blind, and masked. */
export function personValues(cipher: FieldCipher, r: MemberRecord, employerId: number | null) {
  return {
    id_hash: cipher.blindIndex(r.idNumber),
    id_enc: cipher.encrypt(r.idNumber),
    id_masked: maskIdNumber(r.idNumber),
    name: r.name,
    name_grams: nameGrams(r.name),
    gender: r.gender,
    birth_date: r.birthDate,
    ethnicity: r.ethnicity,
    education: r.education,
    political: r.political,
    household_type: r.householdType,
    residence_code: r.idNumber.slice(0, 6),
    phone: r.phone,
    employer_enterprise_id: employerId,
    employer_name: r.employerName,
    employment_status: r.employmentStatus,
    occupation: r.occupation,
    skill_level: r.skillLevel,
    is_migrant: r.isMigrant,
    is_industrial: r.isIndustrial,
    is_new_employment: r.isNewEmployment,
    is_model_worker: r.isModelWorker,
  };
}

export type PersonValues = ReturnType<typeof personValues>;

/** What the audit log may hold about a person: never the plain ID number. */
export function auditView(v: Partial<PersonValues> & { org_id?: number }) {
  const { id_enc: _e, id_hash: _h, name_grams: _g, ...rest } = v;
  return rest;
}
