import type { Span } from '@opentelemetry/api';
import type { ChatCompletionChunk } from '@helix/providers';
import { failSpan, SpanKind, startSpan, tracingOn, withSpan } from '@helix/telemetry';
import { attemptAttributes, attemptEndAttributes, finishReasons, genAiOperation } from '../http/span-attributes.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Attempt } from './attempt.js';

/**
 * Each provider attempt in its own client span (`chat <model>`), so retries and
 * fallbacks show as sibling spans of the request. A stream's span ends with
 * the stream. Tracing off, the attempt is returned as it is.
 */
export function tracedAttempt(attempt: Attempt, state: RequestState): Attempt {
  if (!tracingOn()) return attempt;
  return async (dep, ctx) => {
    const span = startSpan(`${genAiOperation(state.endpoint)} ${dep.model}`, attemptAttributes(state, dep, state.attempts.length + 1), SpanKind.CLIENT);
    const recorded = state.attempts.length;
    const status = () => {
      const a = state.attempts[recorded];
      if (a?.httpStatus) span?.setAttribute('http.response.status_code', a.httpStatus);
    };
    try {
      const answer = await withSpan(span, () => attempt(dep, ctx));
      status();
      if (answer.kind === 'stream') return { ...answer, chunks: endWithStream(answer.chunks, span, state) };
      span?.setAttributes(attemptEndAttributes(state, finishReasons(answer.body)));
      span?.end();
      return answer;
    } catch (err) {
      status();
      failSpan(span, err);
      span?.end();
      throw err;
    }
  };
}

async function* endWithStream(chunks: AsyncIterable<ChatCompletionChunk>, span: Span | undefined, state: RequestState): AsyncGenerator<ChatCompletionChunk> {
  const reasons = new Set<string>();
  try {
    for await (const chunk of chunks) {
      for (const c of chunk.choices ?? []) if (c.finish_reason) reasons.add(c.finish_reason);
      yield chunk;
    }
  } catch (err) {
    failSpan(span, err);
    throw err;
  } finally {
    span?.setAttributes(attemptEndAttributes(state, [...reasons]));
    span?.end();
  }
}
