import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { FieldCipher, loadMasterKey } from './security/field-cipher.js';
import { setWorkflowCipher } from './modules/workflow/workflow.service.js';
import type { AppContext } from './context.js';

/** Opens the database, applies pending migrations and builds the service context. */
export async function bootstrap(config: Config): Promise<{ ctx: AppContext; database: Database; migrated: string[] }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrated = await migrateToLatest(database.db);
    const cipher = new FieldCipher(loadMasterKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
    setWorkflowCipher(cipher);
    return { ctx: { db: database.db, dbKind: database.kind, cipher, config }, database, migrated };
  } catch (err) {
    await database.close();
    throw err;
  }
}
