/** The time an audit has left (`AuditProgress.etaMs`), from the scopes it has finished so far. */
export class ScopeEstimate {
  #queued = 0;
  #finished = 0;
  #durationSum = 0;

  /** `concurrency`: the scopes the audit collects side by side. */
  constructor(private readonly concurrency: number) {}

  /** A scope was queued: scopes of accounts not resolved yet are not counted, so the estimate grows with the audit. */
  queued(): void {
    this.#queued += 1;
  }

  /** A scope finished after `durationMs`; returns the milliseconds left. */
  finished(durationMs: number): number {
    this.#durationSum += durationMs;
    this.#finished += 1;
    // The last few run side by side only as far as there are that many: one scope left takes
    // a whole scope's time, not a sixteenth of it.
    const left = this.#queued - this.#finished;
    return Math.round((left * (this.#durationSum / this.#finished)) / Math.max(1, Math.min(this.concurrency, left)));
  }
}
