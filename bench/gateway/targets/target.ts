import type { TargetRequest } from '../load/http-target.js';

/** The core the gateway (or peer) under test runs on; the load, the mock upstream and servers get the other. */
export const GATEWAY_CORE = 0;
export const LOAD_CORE = 1;

/** The prompt every target is sent (the mock answers with it). */
export const PROMPT = 'Say hello to the benchmark';

/** One thing under load: a gateway, a peer, or the mock itself. */
export interface Target {
  /** Row label in the table. */
  name: string;
  /** What it is and how it was set up, for the doc. */
  note: string;
  chat: TargetRequest;
  stream: TargetRequest;
  /** Root of the process tree whose CPU and RSS are measured; none for the direct baseline. */
  pid?: number;
  /** A line to print after the run (e.g. events seen in the stream); optional. */
  afterRun?(requests: number): Promise<string>;
  stop(): Promise<void>;
}

/** The chat and stream requests of a target at `origin`, with its headers and model name. */
export function requestsFor(origin: string, path: string, model: string, headers: Record<string, string>): Pick<Target, 'chat' | 'stream'> {
  const h = { 'content-type': 'application/json', ...headers };
  const messages = [{ role: 'user', content: PROMPT }];
  return {
    chat: { origin, path, headers: h, body: JSON.stringify({ model, messages }) },
    stream: { origin, path, headers: h, body: JSON.stringify({ model, messages, stream: true }) },
  };
}
