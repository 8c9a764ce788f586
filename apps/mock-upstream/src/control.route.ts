import type { IncomingMessage, ServerResponse } from 'node:http';
import { resetState, setFaults, type MockState } from './mock-upstream.js';

/**
 * Test controls: `GET /_mock/requests[?limit=N]`, `GET /_mock/aborts[?limit=N]`, `POST /_mock/reset`,
 * `POST /_mock/faults` (a JSON object of `x-mock-*` headers forced onto every request; `{}` ends them).
 */
export function handleControl(req: IncomingMessage, res: ServerResponse, state: MockState): void {
  if (req.method === 'POST' && req.url === '/_mock/faults') return readJson(req, res, (body) => (setFaults(state, body), send(res, 200, { faults: state.faults })));
  req.resume();
  const url = new URL(req.url!, 'http://mock');
  const limit = Number(url.searchParams.get('limit') ?? Infinity);
  const last = <T>(list: T[]) => (Number.isFinite(limit) && limit >= 0 ? list.slice(Math.max(0, list.length - limit)) : list);
  if (req.method === 'GET' && url.pathname === '/_mock/requests') return send(res, 200, last(state.requests.list()).map((r) => r.toRecord()));
  if (req.method === 'GET' && url.pathname === '/_mock/aborts') return send(res, 200, last(state.aborts.list()).map((r) => r.toRecord()));
  if (req.method === 'POST' && url.pathname === '/_mock/reset') {
    resetState(state);
    return send(res, 200, { ok: true });
  }
  send(res, 404, { error: { message: `Unknown control route ${req.method} ${url.pathname}.`, type: 'invalid_request_error', param: null, code: 'not_found' } });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function readJson(req: IncomingMessage, res: ServerResponse, use: (body: Record<string, string>) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as unknown;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
      use(body as Record<string, string>);
    } catch {
      send(res, 400, { error: { message: 'The body must be a JSON object of x-mock-* headers.', type: 'invalid_request_error', param: null, code: 'invalid_json' } });
    }
  });
}
