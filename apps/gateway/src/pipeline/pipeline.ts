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

  async run(state: RequestState): Promise<Execution> {
    const ran: Step[] = [];
    try {
      for (const group of this.groups) {
        const answer = group.length === 1 ? await this.runOne(group[0]!, state, ran) : await this.runGroup(group, state, ran);
        if (answer) return { ran, answer: await this.transform(answer, state, ran) };
      }
      const answer = await this.handler.handle(state);
      return { ran, answer: await this.transform(answer, state, ran) };
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
        await step.after(state);
      } catch (error) {
        this.onAfterError(step, error);
      }
    }
  }

  private async runOne(step: Step, state: RequestState, ran: Step[]): Promise<Answer | void> {
    ran.push(step);
    return beforeStep(step, state);
  }

  private async runGroup(group: readonly Step[], state: RequestState, ran: Step[]): Promise<Answer | void> {
    ran.push(...group);
    const results = await Promise.allSettled(group.map((step) => beforeStep(step, state)));
    for (const r of results) if (r.status === 'rejected') throw r.reason;
    for (const r of results) if (r.status === 'fulfilled' && r.value) return r.value;
  }

  private async transform(answer: Answer, state: RequestState, ran: readonly Step[]): Promise<Answer> {
    let out = answer;
    for (let i = ran.length - 1; i >= 0; i--) {
      const t = ran[i]!.transform;
      if (t) out = await t.call(ran[i], out, state);
    }
    return out;
  }
}
