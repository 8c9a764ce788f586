import { describe, expect, it } from 'vitest';
import { correlationPropagator, currentBusContext, runWithBusContext } from './bus-context.js';
import { outgoingHeaders } from './handlers.js';

const tp = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('correlationPropagator', () => {
  it('adds the current correlation id and trace context to headers the caller did not set', () => {
    runWithBusContext({ correlationId: 'c1', traceparent: tp, tracestate: 'k=v' }, () => {
      expect(outgoingHeaders(undefined, correlationPropagator)).toEqual({ 'x-request-id': 'c1', traceparent: tp, tracestate: 'k=v' });
      const own = { 'x-request-id': 'mine', other: 'x' };
      expect(outgoingHeaders(own, correlationPropagator)).toEqual({ 'x-request-id': 'mine', other: 'x', traceparent: tp, tracestate: 'k=v' });
      expect(own).toEqual({ 'x-request-id': 'mine', other: 'x' });
    });
  });

  it('adds nothing outside a context', () => {
    expect(outgoingHeaders(undefined, correlationPropagator)).toEqual({});
  });

  it('runs a handler inside the context read from headers, and only there', async () => {
    const inside = await correlationPropagator.extract({ 'x-request-id': 'c2', traceparent: tp }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentBusContext();
    });
    expect(inside).toEqual({ correlationId: 'c2', traceparent: tp, tracestate: undefined });
    expect(currentBusContext()).toBeUndefined();
  });
});
