import { Injectable, Inject } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CacheStatus, ErrorCodes, HelixError, RequestOutcome } from '@helix/contracts';
import { isAbortError } from '@helix/providers';
import { activeTraceId, inServerSpan, LOGGER, requestContext, tracingOn, type Logger } from '@helix/telemetry';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { RequestState } from '../pipeline/request-state.js';
import { recordRequest } from './request-metrics.js';
import { requestEndAttributes, requestStartAttributes } from './span-attributes.js';
import { sendAnswer } from './respond.js';
import { openAIChatFormat, type WireFormat } from './wire-format.js';
import { toHelixError } from '@helix/platform';

const REFUSALS: ReadonlySet<string> = new Set([
  ErrorCodes.rateLimited,
  ErrorCodes.budgetExceeded,
  ErrorCodes.piiBlocked,
  ErrorCodes.eventsBackpressure,
  ErrorCodes.budgetUnavailable,
  ErrorCodes.piiUnavailable,
]);

/**
 * Runs one request through a pipeline and answers it: the answer, or the error,
 * in the endpoint's wire format (OpenAI's by default). A client that goes away aborts the upstream call. After the
 * answer is sent, the after hooks run off the response path.
 */
@Injectable()
export class RequestRunner {
  constructor(@Inject(LOGGER) private readonly log: Logger) {}

  /**
   * With tracing on, the request runs in a server span (continuing an inbound
   * `traceparent`) and its logs carry the trace id.
   */
  run(pipeline: Pipeline, state: RequestState, reply: FastifyReply, bodyLimit: number, format: WireFormat = openAIChatFormat): Promise<void> {
    if (!tracingOn()) return this.answer(pipeline, state, reply, bodyLimit, format);
    const name = `${reply.request.method} ${reply.request.routeOptions.url ?? state.endpoint}`;
    return inServerSpan(name, state.headers, requestStartAttributes(state), (span) =>
      requestContext.run({ correlationId: state.correlationId, traceId: activeTraceId() }, async () => {
        try {
          await this.answer(pipeline, state, reply, bodyLimit, format);
        } finally {
          span?.setAttributes(requestEndAttributes(state));
        }
      }),
    );
  }

  private async answer(pipeline: Pipeline, state: RequestState, reply: FastifyReply, bodyLimit: number, format: WireFormat): Promise<void> {
    const onClose = () => {
      if (!reply.raw.writableFinished) state.abort.abort();
    };
    reply.raw.once('close', onClose);
    const exec = await pipeline.run(state);
    try {
      if (exec.answer) {
        await sendAnswer(reply, state, exec.answer, format);
        state.outcome = state.abort.signal.aborted ? RequestOutcome.CLIENT_ABORTED : state.errorCode ? RequestOutcome.UPSTREAM_ERROR : RequestOutcome.SUCCESS;
      } else {
        await this.fail(reply, state, exec.error, bodyLimit, format);
      }
    } catch (err) {
      this.log.error({ err }, 'failed to send an answer');
      state.outcome = state.abort.signal.aborted ? RequestOutcome.CLIENT_ABORTED : RequestOutcome.UPSTREAM_ERROR;
    } finally {
      reply.raw.off('close', onClose);
      if (state.cache.status === CacheStatus.UNSPECIFIED) state.cache.status = CacheStatus.BYPASS;
      recordRequest(state);
      void pipeline.finish(state, exec.ran);
    }
  }

  private async fail(reply: FastifyReply, state: RequestState, error: unknown, bodyLimit: number, format: WireFormat): Promise<void> {
    if (isAbortError(error) || state.abort.signal.aborted) {
      state.outcome = RequestOutcome.CLIENT_ABORTED;
      state.httpStatus = 499;
      if (!reply.sent) reply.raw.destroy();
      return;
    }
    const err = toHelixError(error, bodyLimit, (errorId, cause) => this.log.error({ err: cause, errorId }, 'internal error'));
    state.httpStatus = err.status;
    state.errorType = String(err.type);
    state.errorCode = err.code ?? '';
    state.outcome = classify(err, state);
    await reply.status(err.status).headers({ ...state.responseHeaders, ...err.headers }).send(format.errorBody(err));
  }
}

function classify(err: HelixError, state: RequestState): RequestOutcome {
  if (err.code && REFUSALS.has(err.code)) return RequestOutcome.REFUSED;
  if (state.attempts.length > 0) return RequestOutcome.UPSTREAM_ERROR;
  return err.status >= 500 ? RequestOutcome.UPSTREAM_ERROR : RequestOutcome.CLIENT_ERROR;
}
