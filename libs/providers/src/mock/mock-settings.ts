/** How the mock answers; defaults come from the deployment or env, and request headers override them. */
export interface MockSettings {
  /** Delay before the response headers. */
  latencyMs: number;
  /** Delay between stream events. */
  chunkDelayMs: number;
  /** Number of content chunks a streamed answer is split into. */
  chunks: number;
  /** Fixed usage instead of the deterministic count. */
  promptTokens?: number;
  completionTokens?: number;
}

export const DEFAULT_MOCK_SETTINGS: MockSettings = { latencyMs: 0, chunkDelayMs: 0, chunks: 5 };

/**
 * Per-request switches, as HTTP headers, understood by the mock provider and by apps/mock-upstream alike.
 * `failTimes` + `failKey`: fail the first N requests carrying that key (with `status`, default 500), then succeed.
 */
export const MOCK_HEADERS = {
  status: 'x-mock-status',
  retryAfter: 'x-mock-retry-after',
  failTimes: 'x-mock-fail-times',
  failKey: 'x-mock-fail-key',
  latencyMs: 'x-mock-latency-ms',
  slowChunkMs: 'x-mock-slow-chunk-ms',
  cutAfterChunks: 'x-mock-cut-after-chunks',
  chunks: 'x-mock-chunks',
  promptTokens: 'x-mock-prompt-tokens',
  completionTokens: 'x-mock-completion-tokens',
} as const;

/** Header lookup by lower-case name. */
export type HeaderLookup = (name: string) => string | undefined;

const int = (v: string | undefined): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** Defaults overridden by the request's `x-mock-*` headers. */
export function settingsFor(defaults: MockSettings, header: HeaderLookup): MockSettings {
  return {
    latencyMs: int(header(MOCK_HEADERS.latencyMs)) ?? defaults.latencyMs,
    chunkDelayMs: int(header(MOCK_HEADERS.slowChunkMs)) ?? defaults.chunkDelayMs,
    chunks: Math.max(1, int(header(MOCK_HEADERS.chunks)) ?? defaults.chunks),
    promptTokens: int(header(MOCK_HEADERS.promptTokens)) ?? defaults.promptTokens,
    completionTokens: int(header(MOCK_HEADERS.completionTokens)) ?? defaults.completionTokens,
  };
}

export const headerInt = (header: HeaderLookup, name: string): number | undefined => int(header(name));
