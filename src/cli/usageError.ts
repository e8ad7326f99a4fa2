/** A mistake in the command line itself (exit code 1), as opposed to a problem with the data. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The process exit codes of the `relmark` command. */
export const exitCodes = { ok: 0, usage: 1, invalidInput: 2, notConverged: 3 } as const;
