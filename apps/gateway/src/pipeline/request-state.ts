import { CacheStatus, RequestOutcome, type EntityCount, type Replacement, uuidv7 } from '@helix/contracts';
import type { ChatRequest, Deployment, TokenUsage } from '@helix/providers';
import type { Identity } from '../identity/identity.js';
import type { ResolvedModel } from '../models/model-catalog.js';

export type Endpoint = 'chat.completions' | 'embeddings' | 'messages' | 'responses';

/** One call to one deployment. */
export interface AttemptRecord {
  deployment: string;
  provider: string;
  model: string;
  httpStatus: number;
  errorType: string;
  durationMs: number;
}

/**
 * Everything one request carries through the pipeline. Steps read what earlier
 * steps wrote; the completed event is built from it at the end.
 */
export class RequestState {
  /** Server-generated UUIDv7: event, ledger and reservation id. Never from the client. */
  readonly eventId = uuidv7();
  readonly startedAt = Date.now();
  readonly startedHr = process.hrtime.bigint();
  readonly abort = new AbortController();
  /** Headers added to the response by steps (x-ratelimit-*, x-helix-*). */
  readonly responseHeaders: Record<string, string> = {};

  identity?: Identity;
  /** The requested model, resolved to its deployments by the model step. */
  route?: ResolvedModel;
  /** The request body; the PII step replaces its text with redacted text. */
  body: ChatRequest;
  requestedModel: string;
  /** The model served after any swap policy. */
  model: string;
  swappedFrom = '';
  estimatedPromptTokens = 0;

  rateLimited = false;
  budget?: { reservationId: string; reservedPicoUsd: bigint; cappedMaxTokens: number };
  pii?: { replacements: Replacement[]; restore: boolean; detections: EntityCount[]; blocked: boolean };
  cache: {
    status: CacheStatus;
    similarity: number;
    verdict: string;
    exactKey?: string;
    partitionKey?: string;
    queryText?: string;
    namespace: string;
    ttlSeconds: number;
    store: boolean;
  } = { status: CacheStatus.UNSPECIFIED, similarity: 0, verdict: '', namespace: '', ttlSeconds: 0, store: true };

  deployment?: Deployment;
  attempts: AttemptRecord[] = [];
  servedModel = '';
  usage?: TokenUsage;
  droppedParams: string[] = [];
  /** The provider's answer before any restore: what the cache may store. */
  upstreamBody?: Record<string, unknown>;
  /** The stream ran to its end (not cut short). */
  streamComplete = false;

  outcome: RequestOutcome = RequestOutcome.UNSPECIFIED;
  httpStatus = 0;
  errorType = '';
  errorCode = '';
  ttfbMs = 0;
  costPicoUsd = 0n;
  savedPicoUsd = 0n;
  costEstimated = false;
  unpriced = false;
  priceVersion = '';

  constructor(
    readonly endpoint: Endpoint,
    readonly correlationId: string,
    body: ChatRequest,
    /** Lower-cased request headers. */
    readonly headers: Record<string, string | string[] | undefined>,
  ) {
    this.body = body;
    this.requestedModel = body.model;
    this.model = body.model;
  }

  get stream(): boolean {
    return this.body.stream === true;
  }

  elapsedMs(): number {
    return Number(process.hrtime.bigint() - this.startedHr) / 1e6;
  }

  header(name: string): string | undefined {
    const v = this.headers[name];
    return Array.isArray(v) ? v[0] : v;
  }
}
