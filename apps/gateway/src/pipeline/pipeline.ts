import type { Answer } from './answer.js';
import type { RequestState } from './request-state.js';
import type { Handler, Step } from './step.js';
import { beforeStep } from './step-span.js';

/** The outcome of the before hooks and the handler. `ran` lists the steps whose before ran. */
export interface Execution {
  ran: Step[];
  answer?: Answer;
  error?: unknown;
}

/**
 * Runs the ordered step groups, then the handler, per the contract in step.ts.
 * `run` never throws: a refusal comes back as `error`, so the caller can answer
 * and then always call `finish` with the same `ran`.
 */
export class Pipeline {
  constructor(
    private readonly groups: readonly (readonly Step[])[],
    private readonly handler: Handler,
    private readonly onAfterError: (step: Step, error: unknown) => void,
  ) {}

  /** A hook that returns a value, not a promise, is not awaited: a request crosses fewer microtask turns. */
  async run(state: RequestState): Promise<Execution> {
    const ran: Step[] = [];
    try {
      for (const group of this.groups) {
        const pending = group.length === 1 ? this.runOne(group[0]!, state, ran) : this.runGroup(group, state, ran);
        const answer = isThenable(pending) ? await pending : pending;
        if (answer) return { ran, answer: await this.transform(answer, state, ran, ran.length - 1) };
      }
      const answer = await this.handler.handle(state);
      return { ran, answer: await this.transform(answer, state, ran, ran.length - 1) };
    } catch (error) {
      return { ran, error };
    }
  }

  /** Runs the after hooks of the steps that ran, in reverse order. */
  async finish(state: RequestState, ran: readonly Step[]): Promise<void> {
    for (let i = ran.length - 1; i >= 0; i--) {
      const step = ran[i]!;
      if (!step.after) continue;
      try {
        const done = step.after(state);
        if (isThenable(done)) await done;
      } catch (error) {
        this.onAfterError(step, error);
      }
    }
  }

  private runOne(step: Step, state: RequestState, ran: Step[]): Promise<Answer | void> | Answer | void {
    ran.push(step);
    return beforeStep(step, state);
  }

  private async runGroup(group: readonly Step[], state: RequestState, ran: Step[]): Promise<Answer | void> {
    ran.push(...group);
    const results = await Promise.allSettled(group.map((step) => beforeStep(step, state)));
    for (const r of results) if (r.status === 'rejected') throw r.reason;
    for (const r of results) if (r.status === 'fulfilled' && r.value) return r.value;
  }

  /** The transforms of `ran[from]` down to `ran[0]`; async from the first one that returns a promise. */
  private transform(answer: Answer, state: RequestState, ran: readonly Step[], from: number): Answer | Promise<Answer> {
    let out = answer;
    for (let i = from; i >= 0; i--) {
      const t = ran[i]!.transform;
      if (!t) continue;
      const next = t.call(ran[i], out, state);
      if (isThenable(next)) return next.then((a) => this.transform(a, state, ran, i - 1));
      out = next;
    }
    return out;
  }
}

function isThenable<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | undefined)?.then === 'function';
}
