import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Kdb } from './connection.js';
import { statements as foundation } from './migrations/20261124_001_foundation.js';
import { statements as m002 } from './migrations/20261124_002_attachments_workflow.js';
import { statements as m003 } from './migrations/20261124_003_reform_tasks.js';
import { statements as m004 } from './migrations/20261124_004_reform_work.js';
import { statements as m005 } from './migrations/20261124_005_hardship.js';
import { statements as m006 } from './migrations/20261124_006_aid.js';
import { statements as m007 } from './migrations/20261124_007_mutual_aid.js';

/** Migrations in order; each is a list of single statements (PGlite runs one per query). */
const MIGRATIONS: Record<string, string[]> = {
  '20261124_001_foundation': foundation,
  '20261124_002_attachments_workflow': m002,
  '20261124_003_reform_tasks': m003,
  '20261124_004_reform_work': m004,
  '20261124_005_hardship': m005,
  '20261124_006_aid': m006,
  '20261124_007_mutual_aid': m007,
};

const provider: MigrationProvider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const [name, stmts] of Object.entries(MIGRATIONS)) {
      out[name] = {
        async up(db) {
          for (const s of stmts) await sql.raw(s).execute(db);
        },
      };
    }
    return out;
  },
};

export async function migrateToLatest(db: Kdb): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
