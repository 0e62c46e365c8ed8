import type { AppContext } from '../../context.js';
import type { Actor } from '../../access/actor.js';
import { runMemberImport } from './member-import.js';

/**
 * Imports run one at a time in the background of the server process: a 2-core
 * machine gains nothing from parallel imports, and the API stays responsive.
 */
export class ImportQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly ctx: AppContext) {}

  enqueue(actor: Actor, importId: number, file: string): void {
    this.pending++;
    this.tail = this.tail
      .then(() => runMemberImport(this.ctx, actor, importId, file))
      .catch(() => undefined)
      .finally(() => this.pending--);
  }

  /** Resolves when every queued import has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  /** After a restart: imports that were running were interrupted; their committed batches stand. */
  static async recover(ctx: AppContext): Promise<void> {
    await ctx.db
      .updateTable('imports')
      .set({ status: 'failed', message: '服务重启，导入中断；已提交的批次保留，可重新导入同一文件（不会重复登记）', finished_at: new Date() })
      .where('status', 'in', ['running', 'queued'])
      .execute();
  }
}
