import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

export function mutualAidRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app;
  void ctx;
}
