import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { ConfigIssue } from '../config.error.js';
import type { HelixConfig } from './helix.config.js';

/**
 * A provider account: where an upstream lives and how to authenticate. Deployments
 * name an account; secrets stay here (from the environment), never in requests.
 */
export class ProviderAccountConfig {
  /** The account's name, which deployments refer to. */
  @IsString() @Matches(/^[\w.-]{1,64}$/) readonly name!: string;

  /** Adapter id in the provider registry: `openai`, `openai-compatible`, `mock`, ... */
  @IsString() @IsNotEmpty() readonly type!: string;

  /** Base URL of the upstream API, e.g. `https://api.openai.com/v1`. Empty = the adapter's default. */
  @IsOptional() @IsString() readonly baseUrl?: string;

  /** API key; reference the environment (`${OPENAI_API_KEY:-}`). */
  @IsOptional() @IsString() readonly apiKey?: string;

  /** The account is only enabled when `apiKey` is non-empty (or `baseUrl` is set and `keyOptionalWithBaseUrl`). Default false. */
  @IsBoolean() readonly requiresKey: boolean = false;

  /** With `requiresKey`, a custom `baseUrl` enables the account without a key (local OpenAI-compatible servers). */
  @IsBoolean() readonly keyOptionalWithBaseUrl: boolean = false;

  /** Extra headers sent upstream with every request. */
  @IsOptional() @IsObject() readonly headers?: Record<string, string>;

  /** Adapter-specific settings (organization, api-version, region, mock latency ...). */
  @IsOptional() @IsObject() readonly options?: Record<string, unknown>;
}

/** One way to serve a public model: an account and the upstream model name. */
export class DeploymentConfig {
  /** Stable id for headers, events and metrics. Default `<account>/<model>`. */
  @IsOptional() @IsString() @IsNotEmpty() readonly id?: string;

  /** Name of the account in `providers`. */
  @IsString() @IsNotEmpty() readonly provider!: string;

  /** Model name sent upstream; `*` sends the name the client asked for. */
  @IsString() @IsNotEmpty() readonly model!: string;

  /** Per-attempt timeout in ms. Default 600000 (10 minutes, as long answers stream for minutes). */
  @IsInt() @Min(1) readonly timeoutMs: number = 600_000;

  /** Overrides of the account's settings for this deployment. */
  @IsOptional() @IsObject() readonly options?: Record<string, unknown>;

  /** Share of traffic under the `weighted` strategy, relative to the model's other deployments; 0 = only when the others cannot serve. Default 1. */
  @IsNumber() @Min(0) readonly weight: number = 1;

  /** Requests a minute this deployment takes (counted per gateway replica); past it, the router prefers the others. Absent = no limit. */
  @IsOptional() @IsInt() @Min(1) readonly rpm?: number;

  /** Tokens a minute (prompt estimate + completion) this deployment takes, per gateway replica; past it, the router prefers the others. Absent = no limit. */
  @IsOptional() @IsInt() @Min(1) readonly tpm?: number;

  /** Labels a request can select with `x-helix-route-tags` (e.g. `eu`, `zdr`). Default none. */
  @IsString({ each: true }) @Matches(/^[\w.:-]{1,64}$/, { each: true }) readonly tags: string[] = [];
}

export const ROUTING_STRATEGIES = ['weighted', 'least-busy', 'latency', 'cost', 'ordered'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/** A deployment that keeps failing is cooled down: the breaker opens, then lets one probe through (half-open). */
export class CircuitBreakerConfig {
  /** Failures in a row (429, 5xx, timeouts, connection errors) that open the breaker. Default 5. */
  @IsInt() @Min(1) readonly failures: number = 5;

  /** How long an open breaker keeps the deployment out before a probe, in ms. Doubles after a failed probe. Default 30000. */
  @IsInt() @Min(1) readonly cooldownMs: number = 30_000;

  /** The longest cool-down after repeated failed probes, in ms. Default 300000. */
  @IsInt() @Min(1) readonly maxCooldownMs: number = 300_000;
}

/** Retries of a deployment that answered 429, 5xx or timed out, after the model's other deployments were tried. */
export class RetryConfig {
  /** Extra rounds over the model's deployments after all failed with a retryable error. Default 2. */
  @IsInt() @Min(0) @Max(10) readonly retries: number = 2;

  /** Backoff before round n: a random time up to min(maxBackoffMs, baseBackoffMs * 2^n) (full jitter), in ms. Default 250. */
  @IsInt() @Min(0) readonly baseBackoffMs: number = 250;

  /** The longest backoff, in ms. Default 4000. */
  @IsInt() @Min(0) readonly maxBackoffMs: number = 4_000;

  /** A `Retry-After` longer than this (ms) is not waited for: the request moves on (fallback models) or fails. Default 10000. */
  @IsInt() @Min(0) readonly maxRetryAfterMs: number = 10_000;

  /** Retries a deployment may take, as a share of its requests over `budgetWindowMs` (per replica). Default 0.2. */
  @IsNumber() @Min(0) @Max(10) readonly budgetRatio: number = 0.2;

  /** Retries always allowed per window, so a quiet deployment can still retry. Default 3. */
  @IsInt() @Min(0) readonly budgetMinRetries: number = 3;

  /** The retry budget's window, in ms. Default 10000. */
  @IsInt() @Min(100) readonly budgetWindowMs: number = 10_000;
}

/** How a model's requests are spread over its deployments, retried and failed over. */
export class ModelRoutingConfig {
  /**
   * `weighted`: random by `weight`; `least-busy`: fewest requests in flight; `latency`: lowest
   * moving average of time to first byte; `cost`: cheapest price (from the cost catalogue and
   * overrides); `ordered`: in config order. Default `weighted`.
   */
  @IsIn(ROUTING_STRATEGIES) readonly strategy: RoutingStrategy = 'weighted';

  @ValidateNested() @Type(() => RetryConfig) readonly retry: RetryConfig = new RetryConfig();

  @ValidateNested() @Type(() => CircuitBreakerConfig) readonly breaker: CircuitBreakerConfig = new CircuitBreakerConfig();
}

/** A public model name clients ask for, and the deployments that serve it. */
export class ModelConfig {
  /** The name in requests and `/v1/models`; `*` matches any name not configured otherwise. */
  @IsString() @Matches(/^(\*|[\w.:/@-]{1,128})$/) readonly name!: string;

  @ValidateNested({ each: true }) @Type(() => DeploymentConfig) readonly deployments: DeploymentConfig[] = [];

  /** The model takes `tools`. Default true. */
  @IsBoolean() readonly tools: boolean = true;

  /** The model takes image parts. Default true. */
  @IsBoolean() readonly vision: boolean = true;

  /** `chat` or `embeddings`. Default `chat`. */
  @IsIn(['chat', 'embeddings']) readonly kind: 'chat' | 'embeddings' = 'chat';

  /** Owner shown in `/v1/models`. Default the first deployment's account. */
  @IsOptional() @IsString() readonly ownedBy?: string;

  /** Public models tried in order when every deployment of this one failed (429, 5xx, timeouts). Default none. */
  @IsString({ each: true }) readonly fallbacks: string[] = [];

  /** Public models tried in order when a deployment says the prompt is too long (`context_length_exceeded`). Default none. */
  @IsString({ each: true }) readonly contextFallbacks: string[] = [];

  /** Strategy, retries and circuit breaker of this model's deployments. */
  @ValidateNested() @Type(() => ModelRoutingConfig) readonly routing: ModelRoutingConfig = new ModelRoutingConfig();
}

/** Every deployment names an account that exists; model names are unique; fallbacks name configured models. */
export function modelsReferToAccounts({ providers, models }: HelixConfig): ConfigIssue | undefined {
  const accounts = new Set(providers.map((p) => p.name));
  const seen = new Set<string>();
  const names = new Set(models.map((m) => m.name));
  for (const [i, m] of models.entries()) {
    if (seen.has(m.name)) return { path: `models.${i}.name`, message: `"${m.name}" is configured twice` };
    seen.add(m.name);
    const fallbacks = [...m.fallbacks.map((f, j) => [`fallbacks.${j}`, f]), ...m.contextFallbacks.map((f, j) => [`contextFallbacks.${j}`, f])];
    for (const [path, name] of fallbacks) {
      if (!names.has(name!) || name === m.name) return { path: `models.${i}.${path}`, message: `"${name}" is not another configured model` };
    }
    for (const [j, d] of m.deployments.entries()) {
      if (!accounts.has(d.provider)) {
        return { path: `models.${i}.deployments.${j}.provider`, message: `names no account in providers (known: ${[...accounts].join(', ') || 'none'})` };
      }
    }
  }
  return undefined;
}
