import { describe, expect, it, vi } from 'vitest';
import { ErrorCodes } from '@helix/contracts';
import { BusRequestError, toBusError } from './bus-error.js';

describe('toBusError (the responder-side mapper)', () => {
  it('keeps the code, message and retryable of a typed error or RpcException payload', () => {
    const typed = Object.assign(new Error('over budget'), { code: ErrorCodes.budgetExceeded, retryable: false });
    expect(toBusError(typed)).toEqual({ code: 'budget_exceeded', message: 'over budget', retryable: false });
    expect(toBusError({ code: 'custom_code', message: 'later', retryable: true })).toEqual({ code: 'custom_code', message: 'later', retryable: true });
    expect(toBusError(BusRequestError.timeout('helix.pii.redact.v1', 50))).toMatchObject({ code: 'bus_timeout', retryable: true });
  });

  it('keeps a known code without retryable as not retryable', () => {
    expect(toBusError({ code: ErrorCodes.piiBlocked, message: 'blocked' })).toEqual({ code: 'pii_blocked', message: 'blocked', retryable: false });
  });

  it('turns anything else into a generic internal_error and logs the cause under the same reference', () => {
    const log = { warn: vi.fn(), error: vi.fn() };
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'), { code: 'ECONNREFUSED' });
    const e = toBusError(cause, log);
    expect(e.code).toBe(ErrorCodes.internal);
    expect(e.retryable).toBe(false);
    expect(e.message).not.toContain('hunter2');
    const [logged] = log.error.mock.calls[0]!;
    expect(logged).toMatchObject({ err: cause });
    expect(e.message).toContain(logged.ref);
    expect(toBusError('a string')).toMatchObject({ code: ErrorCodes.internal });
  });
});

describe('BusRequestError (the caller-side shape)', () => {
  it('maps a wire error and names the bus codes', () => {
    const e = BusRequestError.fromWire({ code: 'budget_exceeded', message: 'no', retryable: false });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'BusRequestError', code: 'budget_exceeded', message: 'no', retryable: false });
    expect(BusRequestError.noResponders('s')).toMatchObject({ code: ErrorCodes.busNoResponders, retryable: true });
    expect(BusRequestError.unavailable('x')).toMatchObject({ code: ErrorCodes.busUnavailable, retryable: true });
    expect(BusRequestError.badMessage('x')).toMatchObject({ code: ErrorCodes.badMessage, retryable: false });
    expect(BusRequestError.payloadTooLarge('s', 9, 8)).toMatchObject({ code: ErrorCodes.payloadTooLarge, retryable: false });
    expect(BusRequestError.fromWire({ code: '', message: 'm', retryable: false }).code).toBe(ErrorCodes.internal);
  });
});
