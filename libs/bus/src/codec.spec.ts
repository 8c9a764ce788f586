import { headers as natsHeaders } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, EventSubjects, RequestCompletedSchema, RpcSubjects } from '@helix/contracts';
import { decode, decodeBusError, encode, encodeBusError, headersWireSize, schemaFor } from './codec.js';
import { checkSize, readReply } from './handlers.js';

describe('codec', () => {
  it('round-trips a message of a subject through protobuf', () => {
    expect(schemaFor(EventSubjects.requestCompleted, 'message')).toBe(RequestCompletedSchema);
    const bytes = encode(RequestCompletedSchema, { eventId: 'e1', usage: { inputTokens: 3 }, costPicoUsd: 12n });
    const back = decode(RequestCompletedSchema, bytes);
    expect(back).toMatchObject({ eventId: 'e1', usage: { inputTokens: 3 }, costPicoUsd: 12n });
  });

  it('sends bytes that are already an encoded message as they are, and encodes a message init', () => {
    const bytes = encode(RequestCompletedSchema, { eventId: 'e2' });
    expect(encode(RequestCompletedSchema, bytes)).toBe(bytes);
    expect(decode(RequestCompletedSchema, encode(RequestCompletedSchema, bytes)).eventId).toBe('e2');
    expect(encode(RequestCompletedSchema, { eventId: 'e3' })).not.toBe(bytes);
  });

  it('picks the request or reply schema of an RPC subject, and refuses an unknown subject with bad_message', () => {
    expect(schemaFor(RpcSubjects.piiRedact, 'request').typeName).toBe('helix.v1.PiiRedactRequest');
    expect(schemaFor(RpcSubjects.piiRedact, 'reply').typeName).toBe('helix.v1.PiiRedactReply');
    expect(() => schemaFor('helix.nope.v1', 'message')).toThrow(expect.objectContaining({ code: ErrorCodes.badMessage }));
  });

  it('reports undecodable bytes as bad_message', () => {
    const schema = schemaFor(RpcSubjects.cacheLookup, 'request');
    expect(() => decode(schema, new Uint8Array([0xff, 0xff, 0xff]))).toThrow(expect.objectContaining({ code: ErrorCodes.badMessage }));
  });

  it('reads a reply, or throws the BusError it carries', () => {
    const ok = encode(schemaFor(RpcSubjects.identityVerify, 'reply'), { valid: true });
    expect(readReply(RpcSubjects.identityVerify, ok, false).valid).toBe(true);
    const err = encodeBusError({ code: 'budget_exceeded', message: 'no', retryable: false });
    expect(decodeBusError(err)).toMatchObject({ code: 'budget_exceeded', message: 'no', retryable: false });
    expect(() => readReply(RpcSubjects.identityVerify, err, true)).toThrow(expect.objectContaining({ code: 'budget_exceeded' }));
  });

  it('counts headers as NATS encodes them, so size checks match the server', () => {
    const h = { 'x-request-id': 'abc', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    const nh = natsHeaders();
    for (const [k, v] of Object.entries(h)) nh.set(k, v);
    expect(headersWireSize(h)).toBe((nh as unknown as { encode(): Uint8Array }).encode().length);
    expect(headersWireSize({})).toBe(0);
    expect(headersWireSize(undefined)).toBe(0);
  });

  it('refuses data plus headers over the limit, and accepts them at the limit', () => {
    const h = { a: 'b' };
    const max = 100 + headersWireSize(h);
    expect(() => checkSize('s', new Uint8Array(100), h, max)).not.toThrow();
    expect(() => checkSize('s', new Uint8Array(101), h, max)).toThrow(expect.objectContaining({ code: ErrorCodes.payloadTooLarge }));
  });
});
