import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** One span as an OTLP receiver got it: ids as lower-case hex, attributes as plain values. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, unknown>;
}

export const SpanKinds = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

export interface OtlpReceiver {
  /** Base URL to give as `telemetry.tracing.endpoint` (spans are posted to `<url>/v1/traces`). */
  url: string;
  spans: ReceivedSpan[];
  /** Export requests received. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * A local OTLP/HTTP traces receiver: takes `POST /v1/traces` with a protobuf
 * `ExportTraceServiceRequest` (gzip or not), decodes the fields a test checks,
 * and answers an empty `ExportTraceServiceResponse`. Loopback only.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      try {
        let body = Buffer.concat(parts);
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        spans.push(...decodeExportTraceRequest(body));
        requests++;
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      } catch (err) {
        res.writeHead(400).end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Fields = (field: number, wire: WireType, r: BinaryReader) => void;

function readMessage(bytes: Uint8Array, on: Fields): void {
  const r = new BinaryReader(bytes);
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    const before = r.pos;
    on(field, wire, r);
    if (r.pos === before) r.skip(wire, field);
  }
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** ExportTraceServiceRequest → resource_spans(1) → resource(1).attributes(1), scope_spans(2) → spans(2). */
export function decodeExportTraceRequest(bytes: Uint8Array): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  readMessage(bytes, (f, _w, r) => {
    if (f !== 1) return;
    let service = '';
    const spans: Omit<ReceivedSpan, 'service'>[] = [];
    readMessage(r.bytes(), (f2, _w2, r2) => {
      if (f2 === 1) {
        const attrs: Record<string, unknown> = {};
        readMessage(r2.bytes(), (f3, _w3, r3) => f3 === 1 && readKeyValue(r3.bytes(), attrs));
        service = String(attrs['service.name'] ?? '');
      } else if (f2 === 2) {
        readMessage(r2.bytes(), (f3, _w3, r3) => f3 === 2 && spans.push(readSpan(r3.bytes())));
      }
    });
    for (const s of spans) out.push({ service, ...s });
  });
  return out;
}

/** Span: trace_id(1) span_id(2) parent_span_id(4) name(5) kind(6) attributes(9). */
function readSpan(bytes: Uint8Array): Omit<ReceivedSpan, 'service'> {
  const s = { traceId: '', spanId: '', parentSpanId: '', name: '', kind: 0, attributes: {} as Record<string, unknown> };
  readMessage(bytes, (f, _w, r) => {
    if (f === 1) s.traceId = hex(r.bytes());
    else if (f === 2) s.spanId = hex(r.bytes());
    else if (f === 4) s.parentSpanId = hex(r.bytes());
    else if (f === 5) s.name = r.string();
    else if (f === 6) s.kind = r.int32();
    else if (f === 9) readKeyValue(r.bytes(), s.attributes);
  });
  return s;
}

/** KeyValue: key(1) value(2). */
function readKeyValue(bytes: Uint8Array, into: Record<string, unknown>): void {
  let key = '';
  let value: unknown;
  readMessage(bytes, (f, _w, r) => {
    if (f === 1) key = r.string();
    else if (f === 2) value = readAnyValue(r.bytes());
  });
  into[key] = value;
}

/** AnyValue: string(1) bool(2) int(3) double(4) array(5: values(1)) kvlist(6) bytes(7). */
function readAnyValue(bytes: Uint8Array): unknown {
  let value: unknown;
  readMessage(bytes, (f, _w, r) => {
    if (f === 1) value = r.string();
    else if (f === 2) value = r.bool();
    else if (f === 3) value = Number(r.int64());
    else if (f === 4) value = r.double();
    else if (f === 5) {
      const items: unknown[] = [];
      readMessage(r.bytes(), (f2, _w2, r2) => f2 === 1 && items.push(readAnyValue(r2.bytes())));
      value = items;
    } else if (f === 6) {
      const kv: Record<string, unknown> = {};
      readMessage(r.bytes(), (f2, _w2, r2) => f2 === 1 && readKeyValue(r2.bytes(), kv));
      value = kv;
    } else if (f === 7) value = hex(r.bytes());
  });
  return value;
}
