import { ErrorCodes, Errors } from '@helix/contracts';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import type { EventSink } from './event-sink.js';
import { requestCompleted } from './request-completed.js';

/**
 * First step, so its after hook runs last: publishes the completed event of
 * every request that got past auth (success, upstream error, refusal, cache
 * hit). When the outbox is full it refuses the request up front rather than
 * serve one whose billable event could be lost.
 */
export class EventsStep implements Step {
  readonly name = 'events';

  constructor(
    private readonly sink: EventSink,
    private readonly onRefused: () => void,
  ) {}

  before(): void {
    if (!this.sink.full) return;
    this.onRefused();
    throw Errors.unavailable('The gateway cannot record events right now and refuses new requests until it can. Retry shortly.', ErrorCodes.eventsBackpressure);
  }

  after(state: RequestState): void {
    if (state.identity && state.errorCode !== ErrorCodes.eventsBackpressure) this.sink.emit(requestCompleted(state));
  }
}
