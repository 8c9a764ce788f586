import type { Attributes } from '@opentelemetry/api';
import { inSpan, tracingOn } from '@helix/telemetry';
import { stepEndAttributes } from '../http/span-attributes.js';
import type { Answer } from './answer.js';
import type { RequestState } from './request-state.js';
import type { Step } from './step.js';

/** Span names of the steps a request's trace shows (others: `step <name>`). */
const SPAN_NAMES: Readonly<Record<string, string>> = {
  auth: 'auth',
  budget: 'budget reserve',
  pii: 'pii redact',
  cache: 'cache lookup',
};

/** Runs a step's `before` hook, in a child span of the request when tracing runs. */
export function beforeStep(step: Step, state: RequestState): Promise<Answer | void> | Answer | void {
  if (!step.before) return;
  if (!tracingOn()) return step.before(state);
  const attributes: Attributes = { 'helix.step': step.name };
  return inSpan(SPAN_NAMES[step.name] ?? `step ${step.name}`, attributes, async (span) => {
    try {
      return await step.before!(state);
    } finally {
      span?.setAttributes(stepEndAttributes(step.name, state));
    }
  });
}
