/**
 * Every validator in shared/ fails the same way so that import reports and
 * form messages can be built without knowing which validator ran.
 * `code` is stable and machine-readable; the two messages are for people.
 */
export interface Failure {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  /** The value that would have been right, when there is exactly one (e.g. a check character). */
  readonly expected?: string;
}

export function fail(code: string, message: string, messageEn: string, expected?: string): Failure {
  return expected === undefined
    ? { ok: false, code, message, messageEn }
    : { ok: false, code, message, messageEn, expected };
}
