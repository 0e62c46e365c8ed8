import type { AppContext } from '../../context.js';
import type { Actor } from '../../access/actor.js';
import { seedReformTasksDemo } from '../reform-tasks/reform-tasks.demo.js';
import { seedReformWorkDemo } from '../reform-work/reform-work.demo.js';
import { seedHardshipDemo } from '../hardship/hardship.demo.js';
import { seedAidDemo } from '../aid/aid.demo.js';
import { seedMutualAidDemo } from '../mutual-aid/mutual-aid.demo.js';

/**
 * Demo records of the work modules, loaded after the tree, members and demo users exist
 * (order matters: hardship files before the aid applications that check them).
 */
export async function seedModuleDemos(ctx: AppContext, actor: Actor): Promise<void> {
  await seedReformTasksDemo(ctx, actor);
  await seedReformWorkDemo(ctx, actor);
  await seedHardshipDemo(ctx, actor);
  await seedAidDemo(ctx, actor);
  await seedMutualAidDemo(ctx, actor);
  // The demo's history produced hundreds of notices; they are history, not news. What waits
  // for each demo user is in their 审批中心 queue.
  await ctx.db.updateTable('notifications').set({ read_at: new Date() }).where('read_at', 'is', null).execute();
}
