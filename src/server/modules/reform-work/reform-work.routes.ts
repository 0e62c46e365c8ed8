import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { groupRoutes } from './groups.routes.js';
import { documentRoutes } from './documents.routes.js';
import { meetingRoutes } from './meetings.routes.js';
import { budgetRoutes } from './budget.routes.js';
import { activityRoutes } from './activities.routes.js';

/** Reform work: groups, policy documents, meetings, budget and the shared activity log. */
export function reformWorkRoutes(app: FastifyInstance, ctx: AppContext): void {
  groupRoutes(app, ctx);
  documentRoutes(app, ctx);
  meetingRoutes(app, ctx);
  budgetRoutes(app, ctx);
  activityRoutes(app, ctx);
}
