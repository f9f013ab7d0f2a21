/**
 * Runs asynchronous work one piece at a time, in the order it was asked for. MLS state is read at
 * the start of an operation and replaced at its end, with awaits between: two sends running at once
 * would take the same ratchet generation, and so the same key and nonce.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs the work after everything asked for before it has settled. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
