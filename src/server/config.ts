import path from 'node:path';

/** Runtime settings, read once from the environment so every entry point agrees. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  /** base64 master key; when absent a key file is created in dataDir */
  secretKey: string | undefined;
  /** ms of inactivity after which a session ends (等保: 10–30 min) */
  sessionIdleMs: number;
  sessionMaxMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    secretKey: env.GONGHUI_SECRET_KEY || undefined,
    sessionIdleMs: Number(env.SESSION_IDLE_MINUTES ?? 30) * 60_000,
    sessionMaxMs: 12 * 3600_000,
  };
}
