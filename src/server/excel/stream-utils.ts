import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';

type Drainable = NodeJS.EventEmitter & {
  writableNeedDrain?: boolean;
  destroyed?: boolean;
  _writableState?: { needDrain?: boolean };
};

function needsDrain(w: Drainable): boolean {
  if (w.destroyed) return false;
  return w.writableNeedDrain ?? w._writableState?.needDrain ?? false;
}

async function drained(w: Drainable): Promise<void> {
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

/**
 * Backpressure for exceljs's streaming WorkbookWriter, which has none: a
 * committed row is written into the worksheet's StreamBuf, which pushes it
 * into the zip entry's stream ignoring write()'s return value, so when
 * deflate or the destination (an HTTP download) is slower than row production
 * the XML piles up in memory (≈ 0.3 KB per row). Call every few hundred rows:
 * waits until the worksheet's zip entry and `out` have drained.
 *
 * Reaches into exceljs internals (`worksheet._stream.pipes`); if they change,
 * this degrades to yielding one event-loop turn.
 */
export async function yieldToOutput(out: NodeJS.WritableStream, worksheet?: unknown): Promise<void> {
  const pipes = (worksheet as { _stream?: { pipes?: Drainable[] } } | undefined)?._stream?.pipes ?? [];
  let waited = false;
  for (const p of pipes) {
    if (needsDrain(p)) {
      await drained(p);
      waited = true;
    }
  }
  if (needsDrain(out as unknown as Drainable)) {
    await drained(out as unknown as Drainable);
    waited = true;
  }
  if (!waited) await nextTurn();
}
