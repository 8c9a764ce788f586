import { create, fromBinary, toBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { BusErrorSchema, messageSchemas, rpcSchemas } from '@helix/contracts';
import { BusRequestError, type BusErrorShape } from './bus-error.js';
import { useFastUtf8 } from './codec-utf8.js';

useFastUtf8();

const rpc = rpcSchemas as Record<string, { request: DescMessage; reply: DescMessage } | undefined>;
const messages = messageSchemas as Record<string, DescMessage | undefined>;

/** The schema of a subject's payload; `part` says which side of an RPC. */
export function schemaFor(subject: string, part: 'request' | 'reply' | 'message'): DescMessage {
  const schema = part === 'message' ? messages[subject] : rpc[subject]?.[part];
  if (!schema) throw BusRequestError.badMessage(`no ${part} schema for subject ${subject}`);
  return schema;
}

/**
 * The wire bytes of `init` as `schema`. Bytes that are already an encoded message (a `Uint8Array`, such
 * as the event the gateway's outbox keeps on disk) are sent as they are, saving a decode and an encode.
 */
export function encode(schema: DescMessage, init: unknown): Uint8Array {
  if (init instanceof Uint8Array) return init;
  try {
    return toBinary(schema, create(schema, init as never));
  } catch (err) {
    throw BusRequestError.badMessage(`cannot encode ${schema.typeName}`, err);
  }
}

export function decode<D extends DescMessage>(schema: D, bytes: Uint8Array): MessageShape<D> {
  try {
    return fromBinary(schema, bytes);
  } catch (err) {
    throw BusRequestError.badMessage(`cannot decode ${schema.typeName}`, err);
  }
}

export function encodeBusError(e: BusErrorShape): Uint8Array {
  return toBinary(BusErrorSchema, create(BusErrorSchema, e));
}

export function decodeBusError(bytes: Uint8Array): BusErrorShape {
  return decode(BusErrorSchema, bytes);
}

const HEADER_OVERHEAD = 'NATS/1.0\r\n\r\n'.length;

/** Size of headers as NATS encodes them (`NATS/1.0`, one `k: v\r\n` line each; none when empty), which count toward `max_payload`. */
export function headersWireSize(headers: Record<string, string> | undefined): number {
  let size = 0;
  for (const k in headers) size += k.length + headers[k]!.length + 4;
  return size === 0 ? 0 : size + HEADER_OVERHEAD;
}
