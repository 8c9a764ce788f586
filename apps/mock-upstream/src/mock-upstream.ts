import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MOCK_SETTINGS, MockFailures, RequestLog, type MockSettings, type RecordedRequest } from '@helix/providers';
import { handleControl } from './control.route.js';
import { handleMock } from './mock.route.js';
import { SeenRequest } from './seen-request.js';

export interface MockUpstreamOptions extends Partial<MockSettings> {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback by default. */
  host?: string;
  /** How many requests and aborts `/_mock/requests` and `/_mock/aborts` keep. Default 200. */
  logSize?: number;
}

export interface MockUpstream {
  /** `http://host:port`. */
  url: string;
  /** `url` + `/v1`, the base URL a deployment points at. */
  baseUrl: string;
  port: number;
  /** The last requests received (headers without credentials), oldest first. */
  requests(): RecordedRequest[];
  /** Requests whose client went away before the response finished. */
  aborts(): RecordedRequest[];
  /** Clears the logs, the `x-mock-fail-times` counters and the forced faults. */
  reset(): void;
  /**
   * `x-mock-*` switches applied to every request from now on, as if each carried these headers (e.g.
   * `{ 'x-mock-status': '500' }` for an outage, `{ 'x-mock-cut-after-chunks': '2' }` for cut streams); `{}` ends them.
   */
  setFaults(headers: Record<string, string>): void;
  close(): Promise<void>;
}

/** Mutable state of one mock upstream, shared by its routes. */
export interface MockState {
  settings: MockSettings;
  failures: MockFailures;
  requests: RequestLog<SeenRequest>;
  aborts: RequestLog<SeenRequest>;
  /** Access tokens issued by the stand-in token endpoint. */
  tokensIssued: number;
  /** `x-mock-*` headers forced onto every request (`setFaults`, `POST /_mock/faults`). */
  faults: Record<string, string>;
}

/**
 * A fast OpenAI-compatible server on plain node:http (the benchmark's baseline): the mock provider's
 * behaviour (`mockReply`) over the network, also in the Anthropic, Gemini/Vertex and Bedrock wire
 * formats (and Azure's deployment URLs), with a stand-in token endpoint, plus `/_mock/*` control routes.
 */
export async function startMockUpstream(opts: MockUpstreamOptions = {}): Promise<MockUpstream> {
  const { port = 0, host = '127.0.0.1', logSize = 200, ...settings } = opts;
  const state: MockState = {
    settings: { ...DEFAULT_MOCK_SETTINGS, ...definedOnly(settings) },
    failures: new MockFailures(),
    requests: new RequestLog(logSize),
    aborts: new RequestLog(logSize),
    tokensIssued: 0,
    faults: {},
  };
  const server = createServer((req, res) => route(req, res, state));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: 4096 }, resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    port: actual,
    requests: () => state.requests.list().map((r) => r.toRecord()),
    aborts: () => state.aborts.list().map((r) => r.toRecord()),
    reset: () => resetState(state),
    setFaults: (headers) => setFaults(state, headers),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function resetState(state: MockState): void {
  state.requests.clear();
  state.aborts.clear();
  state.failures.reset();
  state.faults = {};
}

/** Forces `x-mock-*` switches onto every request; names are lower-cased, others ignored. */
export function setFaults(state: MockState, headers: Record<string, string>): void {
  state.faults = Object.fromEntries(
    Object.entries(headers)
      .map(([k, v]) => [k.toLowerCase(), String(v)])
      .filter(([k]) => k.startsWith('x-mock-')),
  );
}

function route(req: IncomingMessage, res: ServerResponse, state: MockState): void {
  if (req.url!.startsWith('/_mock/')) return handleControl(req, res, state);
  handleMock(req, res, state);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
