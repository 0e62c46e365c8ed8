import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Let the zip/deflate pipeline catch up while a streaming writer produces rows:
 * exceljs's WorkbookWriter buffers sheet XML without backpressure, so without
 * this a slow destination (an HTTP download) would make memory grow with the
 * row count. Call every few hundred rows.
 */
export async function yieldToOutput(out: NodeJS.WritableStream): Promise<void> {
  const w = out as NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean };
  if (!w.writableNeedDrain || w.destroyed) {
    await nextTurn();
    return;
  }
  const ac = new AbortController();
  try {
    // once() rejects on 'error' and on abort; either way stop waiting.
    await Promise.race([once(w, 'drain', { signal: ac.signal }), once(w, 'close', { signal: ac.signal })]);
  } catch {
    // the writer's own error handling reports stream errors
  } finally {
    ac.abort();
  }
}
