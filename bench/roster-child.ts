// Writes the cached roster in its own process, so the writer's memory does not stay in run.ts.

import path from 'node:path';
import { ensureRoster } from './roster.js';
import { childArgs, log, send } from './lib.js';

const args = childArgs();
ensureRoster(path.dirname(args.roster!), args.members).then(
  async (r) => {
    await send({ type: 'result', data: { ...r } });
    process.exit(0);
  },
  async (err) => {
    log('roster', `failed: ${(err as Error).stack ?? err}`);
    await send({ type: 'error', message: String((err as Error).message ?? err) }).catch(() => undefined);
    process.exit(1);
  },
);
