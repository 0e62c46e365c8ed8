import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Kdb } from './connection.js';
import { statements as foundation } from './migrations/20261124_001_foundation.js';

/** Migrations in order; each is a list of single statements (PGlite runs one per query). */
const MIGRATIONS: Record<string, string[]> = {
  '20261124_001_foundation': foundation,
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
