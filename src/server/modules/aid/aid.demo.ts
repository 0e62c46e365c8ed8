import type { AppContext } from '../../context.js';
import type { Actor } from '../../access/actor.js';

/** Demo records of this module, loaded after the organisation tree, members and demo users. */
export async function seedAidDemo(ctx: AppContext, actor: Actor): Promise<void> {
  void ctx;
  void actor;
}
