import type { Kdb } from './db/connection.js';
import type { FieldCipher } from './security/field-cipher.js';
import type { Config } from './config.js';

/** What every service needs: the database, the field cipher, the configuration. */
export interface AppContext {
  db: Kdb;
  dbKind: 'pglite' | 'postgres';
  cipher: FieldCipher;
  config: Config;
}

/** Run `fn` in one transaction: the change and its audit entry commit or roll back together. */
export function inTransaction<T>(ctx: AppContext, fn: (tx: Kdb) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((tx) => fn(tx as unknown as Kdb));
}
