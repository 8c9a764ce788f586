import { summarize, type LatencySummary } from './samples.js';
import type { RequestTiming } from './http-target.js';

/** What one load run measured. Latencies are in ms; for the open loop they count from the scheduled send time. */
export interface LoadResult {
  sent: number;
  ok: number;
  errors: number;
  /** Wall time from the first send to the last answer, in s. */
  seconds: number;
  /** Answered ok per second. */
  throughput: number;
  latency: LatencySummary;
  /** First body byte (streams). */
  ttfb: LatencySummary;
  /** How late the generator sent, against its schedule (open loop only). */
  lateness?: LatencySummary;
  statuses: Record<string, number>;
}

/** Collects timings as they come; `result()` sums them up. */
export class Recorder {
  private readonly totals: number[] = [];
  private readonly firsts: number[] = [];
  private readonly late: number[] = [];
  private readonly statuses: Record<string, number> = {};
  private okCount = 0;
  sent = 0;

  record(fromNs: number, t: RequestTiming): void {
    this.statuses[t.status] = (this.statuses[t.status] ?? 0) + 1;
    if (!t.ok) return;
    this.okCount++;
    this.totals.push((t.endNs - fromNs) / 1e6);
    this.firsts.push((t.firstByteNs - fromNs) / 1e6);
  }

  lateBy(ns: number): void {
    this.late.push(ns / 1e6);
  }

  result(startNs: number, endNs: number): LoadResult {
    const seconds = (endNs - startNs) / 1e9;
    const answered = Object.values(this.statuses).reduce((a, b) => a + b, 0);
    return {
      sent: this.sent,
      ok: this.okCount,
      errors: this.sent - this.okCount,
      seconds,
      throughput: this.okCount / seconds,
      latency: summarize(this.totals),
      ttfb: summarize(this.firsts),
      lateness: this.late.length ? summarize(this.late) : undefined,
      statuses: answered < this.sent ? { ...this.statuses, unanswered: this.sent - answered } : this.statuses,
    };
  }
}
