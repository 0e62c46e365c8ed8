import type { FieldCipher } from '../../security/field-cipher.js';
import type { StoredHouseholdMember } from '../../db/tables/hardship.js';
import type { HardshipInput, HealthInfo, HouseholdMemberInput } from '../../../shared/hardship/input.js';
import { maskIdNumber, normalizeIdNumber, validateIdNumber } from '../../../shared/idcard.js';

/**
 * The sensitive part of a hardship file (PIPL Art. 28: health, disability, household ID numbers,
 * the description of an accident) lives in one encrypted blob; the rest of the row stays plain so
 * lists, figures and the tier can be computed in SQL without decrypting anything.
 */
export interface SensitiveBlob {
  health: HealthInfo | null;
  accidentDescription: string | null;
  members: Record<string, { idNumber: string | null; health: HealthInfo | null }>;
}

export const EMPTY_BLOB: SensitiveBlob = { health: null, accidentDescription: null, members: {} };

export function sealBlob(cipher: FieldCipher, blob: SensitiveBlob): string {
  return cipher.encrypt(JSON.stringify(blob));
}

export function openBlob(cipher: FieldCipher, stored: string): SensitiveBlob {
  return JSON.parse(cipher.decrypt(stored)) as SensitiveBlob;
}

const hasHealth = (h: HealthInfo | null | undefined): boolean =>
  !!h && (h.conditions.length > 0 || !!h.diagnosis || !!h.disabilityCategory);

function cleanHealth(h: HealthInfo | null | undefined): HealthInfo | null {
  if (!hasHealth(h)) return null;
  return { conditions: [...new Set(h!.conditions)], diagnosis: h!.diagnosis?.trim() || null, disabilityCategory: h!.disabilityCategory || null, disabilityGrade: h!.disabilityGrade || null };
}

/**
 * Merge a form into the stored household: a member sent with its id keeps its stored ID number
 * and health data unless the form sends new ones (null clears them), so an editor who cannot see
 * the sensitive data can still correct the rest without erasing it.
 */
export function mergeHousehold(
  input: HardshipInput,
  previous: { household: StoredHouseholdMember[]; blob: SensitiveBlob } | null,
): { household: StoredHouseholdMember[]; blob: SensitiveBlob; healthRecorded: boolean } {
  const prevBlob = previous?.blob ?? EMPTY_BLOB;
  const prevMembers = new Map((previous?.household ?? []).map((m) => [m.id, m]));
  let nextId = Math.max(0, ...prevMembers.keys()) + 1;
  const members: SensitiveBlob['members'] = {};
  const household = input.household.map((m: HouseholdMemberInput): StoredHouseholdMember => {
    const known = m.id && prevMembers.has(m.id) ? m.id : null;
    const id = known ?? nextId++;
    const before = known ? prevBlob.members[String(known)] : undefined;
    const idNumber = m.idNumber === undefined ? (before?.idNumber ?? null) : m.idNumber ? normalizeIdNumber(m.idNumber) : null;
    const health = m.health === undefined ? (before?.health ?? null) : cleanHealth(m.health);
    members[String(id)] = { idNumber, health };
    const fromId = idNumber ? validateIdNumber(idNumber) : null;
    const birthDate = m.birthDate || (fromId?.ok ? fromId.birthDate : null) || (known ? prevMembers.get(known)!.birthDate : null);
    return {
      id, name: m.name.trim(), relation: m.relation, birthDate, age: m.age ?? null,
      idMasked: idNumber ? maskIdNumber(idNumber) : null, identity: m.identity?.trim() || null,
      employerOrSchool: m.employerOrSchool?.trim() || null, healthRecorded: hasHealth(health),
    };
  });
  const health = input.health === undefined ? prevBlob.health : cleanHealth(input.health);
  const accidentDescription = !input.accident ? null
    : input.accident.description === undefined ? prevBlob.accidentDescription : input.accident.description?.trim() || null;
  return {
    household,
    blob: { health, accidentDescription, members },
    healthRecorded: hasHealth(health) || household.some((m) => m.healthRecorded),
  };
}
