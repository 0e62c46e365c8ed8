import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import { require as need, type Actor } from '../../access/actor.js';
import { Errors } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { createTaskInTx, type TaskInput } from '../reform-tasks/reform-tasks.service.js';
import { getMeeting, loadVisibleMeeting } from './meetings.service.js';

export type DecisionTaskInput = Omit<TaskInput, 'source' | 'title'> & { title?: string };

/**
 * Turn a meeting decision into a reform task: the task is created by the reform-tasks module in the
 * same transaction that records decision.task_id, so a decision never points at a task that failed,
 * and a decision becomes at most one task (the row is locked while checking).
 */
export async function decisionToTask(ctx: AppContext, actor: Actor, meetingId: number, decisionId: number, input: DecisionTaskInput) {
  need(actor, 'reform.manage');
  await inTransaction(ctx, async (tx) => {
    const m = await loadVisibleMeeting(tx, actor, meetingId);
    const d = await tx.selectFrom('reform_meeting_decisions').selectAll().where('id', '=', decisionId).where('meeting_id', '=', meetingId).forUpdate().executeTakeFirst();
    if (!d) throw Errors.notFound('议定事项', 'Decision');
    if (d.task_id !== null) throw Errors.conflict('DECISION_HAS_TASK', '该议定事项已转为任务', 'This decision is already a task');
    const { id: taskId } = await createTaskInTx(tx, actor, {
      ...input,
      title: input.title?.trim() || d.content.slice(0, 200),
      description: input.description ?? d.content,
      source: `${m.held_on} ${m.title} 议定事项第${d.seq}项`,
    });
    await tx.updateTable('reform_meeting_decisions').set({ task_id: taskId }).where('id', '=', decisionId).execute();
    await audit(tx, actor, { action: 'reform.meeting.decision.task', entity: 'reform_meeting', entityId: meetingId, orgId: m.org_id, detail: { decisionId, seq: d.seq, taskId } });
  });
  return getMeeting(ctx, actor, meetingId);
}
