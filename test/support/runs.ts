// How many runs a long property-based test makes: the full count in CI (CI=true, as .ci/run sets it), a smaller one
// in the edit loop; an environment variable of its own overrides both.
export function runCount(variable: string, counts: { ci: number; local: number }): number {
  const own = process.env[variable];
  if (own !== undefined && own !== '') {
    const n = Number(own);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${variable} must be a positive whole number, not "${own}"`);
    return n;
  }
  return inCi() ? counts.ci : counts.local;
}

/** CI=true (or 1), as CI services and .ci/run set it. */
export function inCi(): boolean {
  return /^(true|1)$/i.test(process.env.CI ?? '');
}
