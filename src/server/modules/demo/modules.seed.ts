import type { AppContext } from '../../context.js';
import type { Actor } from '../../access/actor.js';
import { seedWorkflowDemo } from '../workflow/workflow.demo.js';
import { seedReformTasksDemo } from '../reform-tasks/reform-tasks.demo.js';
import { seedReformWorkDemo } from '../reform-work/reform-work.demo.js';
import { seedHardshipDemo } from '../hardship/hardship.demo.js';
import { seedAidDemo } from '../aid/aid.demo.js';
import { seedMutualAidDemo } from '../mutual-aid/mutual-aid.demo.js';

/**
 * Demo records of the work modules, loaded after the tree, members and demo users exist
 * (order matters: the workflow types before the modules that file applications).
 */
export async function seedModuleDemos(ctx: AppContext, actor: Actor): Promise<void> {
  await seedWorkflowDemo(ctx, actor);
  await seedReformTasksDemo(ctx, actor);
  await seedReformWorkDemo(ctx, actor);
  await seedHardshipDemo(ctx, actor);
  await seedAidDemo(ctx, actor);
  await seedMutualAidDemo(ctx, actor);
}
