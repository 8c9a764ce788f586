import type { IncomingMessage, ServerResponse } from 'node:http';
import { resetState, type MockState } from './mock-upstream.js';

/**
 * Test controls: `GET /_mock/requests[?limit=N]`, `GET /_mock/aborts[?limit=N]`, `POST /_mock/reset`.
 */
export function handleControl(req: IncomingMessage, res: ServerResponse, state: MockState): void {
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
