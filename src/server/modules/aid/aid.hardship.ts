/**
 * The hardship module's answer for eligibility: the person's open record, its tier and whether
 * it is verified. One seam, so the aid rules can be tested against any hardship state.
 */
import type { Kdb } from '../../db/connection.js';
import type { HardshipTier } from '../../../shared/aid/types.js';
import { getActiveHardship as activeRecord } from '../hardship/hardship.service.js';

export interface ActiveHardship {
  recordId: number;
  tier: HardshipTier;
  verified: boolean;
  causes: string[];
}

export function getActiveHardship(db: Kdb, personId: number): Promise<ActiveHardship | null> {
  return activeRecord(db, personId);
}
