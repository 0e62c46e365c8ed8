// Diagnostic (--stages): where an import's time goes before the database. One pass over
// the roster doing what runMemberImport does per row — readRoster, checkMember (with
// today computed once, as the import does), the rejected-row copy, personValues
// (encryption + blind index) — timing each step, with no database at all.
// The import's rows/s minus this is the database's share.

import crypto from 'node:crypto';
import { MEMBER_COLUMNS, readRoster } from '../src/server/excel/roster-reader.js';
import { checkMember, type MemberText } from '../src/shared/member-input.js';
import { todayInShanghai } from '../src/shared/dates.js';
import { personValues } from '../src/server/modules/members/person-values.js';
import { FieldCipher } from '../src/server/security/field-cipher.js';
import { childArgs, lifetimeMaxRss, log, mib, send } from './lib.js';

async function main() {
  const args = childArgs();
  const cipher = new FieldCipher(crypto.randomBytes(32));
  const today = todayInShanghai();
  let rows = 0;
  let rejected = 0;
  let checkMs = 0;
  let personMs = 0;
  const t0 = performance.now();
  for await (const ev of readRoster(args.roster!, MEMBER_COLUMNS)) {
    if (ev.type !== 'row') continue;
    rows++;
    const a = performance.now();
    const input: MemberText = {};
    for (const [k, v] of Object.entries(ev.values)) if (!ev.issues.some((i) => i.key === k)) (input as Record<string, unknown>)[k] = v;
    const { record } = checkMember(input, { today });
    const shown: Record<string, unknown> = { ...ev.raw };
    for (const [k, v] of Object.entries(ev.values)) if (v !== null) shown[k] = v;
    const b = performance.now();
    if (record) personValues(cipher, record, null);
    else rejected++;
    personMs += performance.now() - b;
    checkMs += b - a;
  }
  const totalMs = performance.now() - t0;
  const readMs = totalMs - checkMs - personMs;
  const perRow = (ms: number) => Math.round((ms / rows) * 1000 * 10) / 10;
  const data = {
    rows,
    rejected,
    seconds: Math.round(totalMs / 100) / 10,
    readUsPerRow: perRow(readMs),
    checkMemberUsPerRow: perRow(checkMs),
    personValuesUsPerRow: perRow(personMs),
    readOnlyRowsPerSecond: Math.round(rows / (readMs / 1000)),
    pipelineRowsPerSecond: Math.round(rows / (totalMs / 1000)),
    kernelMaxRssMiB: mib(lifetimeMaxRss()),
  };
  log('stages', `no database: read ${data.readUsPerRow} µs/row, checkMember ${data.checkMemberUsPerRow} µs/row, personValues ${data.personValuesUsPerRow} µs/row → ${data.pipelineRowsPerSecond} rows/s before any database work`);
  await send({ type: 'result', data });
}

main().then(
  () => process.exit(0),
  async (err) => {
    log('stages', `failed: ${(err as Error).stack ?? err}`);
    await send({ type: 'error', message: String((err as Error).message ?? err) }).catch(() => undefined);
    process.exit(1);
  },
);
