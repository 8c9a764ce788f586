/** Counts requests per `x-mock-fail-key`, so "fail the first N, then succeed" works across retries. */
export class MockFailures {
  private readonly seen = new Map<string, number>();

  /** True while this key has been seen at most `times` times (this request included). */
  shouldFail(key: string, times: number): boolean {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n <= times;
  }

  reset(): void {
    this.seen.clear();
  }
}
