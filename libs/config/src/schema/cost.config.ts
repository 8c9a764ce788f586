import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsTimeZone, Max, Min, ValidateNested } from 'class-validator';
import { IsServiceUrl } from './validators.js';

/**
 * A negotiated or self-hosted price, in USD per million tokens (or per hour).
 * Kinds left out cost what their plain kind costs (cached input as input,
 * reasoning as output). Each price must be a whole number of pico-USD per token;
 * the cost-service checks that at load.
 */
export class PriceOverrideConfig {
  /** The model: its public name, or the upstream name a deployment sends. */
  @IsString() @IsNotEmpty() readonly model!: string;

  /**
   * From when this price applies (ISO 8601 date or date-time; UTC without an offset).
   * Requests are priced at what was in force when they started. Default: always.
   */
  @IsOptional() @IsISO8601() readonly effectiveFrom?: string;

  /** USD per million prompt tokens. */
  @IsOptional() @IsNumber() @Min(0) readonly inputPerMTok?: number;

  /** USD per million completion tokens. */
  @IsOptional() @IsNumber() @Min(0) readonly outputPerMTok?: number;

  /** USD per million prompt tokens read from the provider's prompt cache. */
  @IsOptional() @IsNumber() @Min(0) readonly cacheReadPerMTok?: number;

  /** USD per million prompt tokens written to the provider's prompt cache. */
  @IsOptional() @IsNumber() @Min(0) readonly cacheWritePerMTok?: number;

  /** USD per million reasoning tokens. */
  @IsOptional() @IsNumber() @Min(0) readonly reasoningPerMTok?: number;

  /** Self-hosted: USD per hour of request time (duration × rate), on top of any token prices. */
  @IsOptional() @IsNumber() @Min(0) readonly perHourUsd?: number;
}

/** Where prices come from. */
export class PricesConfig {
  /** A catalogue in LiteLLM's format to use instead of the shipped one (`libs/cost/catalog/model-prices.json`). */
  @IsOptional() @IsString() @IsNotEmpty() readonly catalogFile?: string;

  /** Prices that win over the catalogue, by model; several per model with different `effectiveFrom` make a history. */
  @ValidateNested({ each: true }) @Type(() => PriceOverrideConfig) readonly overrides: PriceOverrideConfig[] = [];
}

/** When a scope has spent `atPercent` of a budget, requests for `from` are served by `to`. */
export class ModelSwapConfig {
  /** The public model asked for. */
  @IsString() @IsNotEmpty() readonly from!: string;

  /** The cheaper public model that serves it instead. */
  @IsString() @IsNotEmpty() readonly to!: string;

  /** Percent of any budget of the request's scopes (spent + reserved) from which the swap applies. */
  @IsInt() @Min(1) @Max(1_000) readonly atPercent!: number;
}

/** SMTP for email alerts. */
export class SmtpConfig {
  /** `smtp://user:pass@host:port` or `smtps://...`; unset = email channels are skipped (and counted). */
  @IsOptional() @IsServiceUrl(['smtp', 'smtps']) readonly url?: string;

  /** Sender address. Default `helix@localhost`. */
  @IsEmail({ require_tld: false }) readonly from: string = 'helix@localhost';
}

/** Budget alerts: thresholds, delivery, escalation and spend anomalies. */
export class AlertsConfig {
  /** Soft thresholds of a budget that names none, in percent. Default [50, 80, 100]. */
  @IsInt({ each: true }) @Min(1, { each: true }) @Max(1_000, { each: true }) readonly thresholds: number[] = [50, 80, 100];

  /** A hard-limit alert still standing after this long goes again to the escalation channels, in ms; 0 = never. Default 3600000. */
  @IsInt() @Min(0) readonly escalateAfterMs: number = 3_600_000;

  /** How often each replica looks for escalations and spend anomalies, in ms (alerts are due within 60 s). Default 15000. */
  @IsInt() @Min(100) readonly checkIntervalMs: number = 15_000;

  /** Spend anomaly: a team's last hour above its mean hourly spend + this many standard deviations. Default 3. */
  @IsNumber() @Min(0) readonly anomalyFactor: number = 3;

  /** Hours before the last one that make the baseline. Default 24. */
  @IsInt() @Min(2) @Max(24 * 31) readonly anomalyBaselineHours: number = 24;

  /** No anomaly below this hourly spend, in USD. Default 1. */
  @IsNumber() @Min(0) readonly anomalyMinUsd: number = 1;

  /** Timeout of one webhook or Slack POST, in ms. Default 5000. */
  @IsInt() @Min(1) readonly httpTimeoutMs: number = 5_000;

  /** Attempts per channel (backoff 1 s, 2 s, 4 s, ...) before the alert is redelivered later. Default 4. */
  @IsInt() @Min(1) @Max(10) readonly attempts: number = 4;

  @ValidateNested() @Type(() => SmtpConfig) readonly smtp: SmtpConfig = new SmtpConfig();
}

/** Prompt-cache optimisation: mark the stable prefix (system prompt, tools) so providers cache it. */
export class PromptCacheConfig {
  /** Teams it is on for (ids). Default none: off. */
  @IsString({ each: true }) readonly teams: string[] = [];

  /** Only prefixes at least this long (characters) are marked. Default 4096 (about 1,024 tokens, the providers' minimum). */
  @IsInt() @Min(0) readonly minPrefixChars: number = 4_096;
}

/** The cost-service and the gateway's pricing (issue 7): prices, budgets, ledger and alerts. */
export class CostConfig {
  /** IANA time zone whose calendar days, weeks (from Monday) and months bound budget periods and daily reports. Default UTC. */
  @IsTimeZone() readonly timeZone: string = 'UTC';

  /** Output tokens a reservation counts for a request without max_tokens. Default 1024. */
  @IsInt() @Min(0) @Max(10_000_000) readonly defaultOutputAllowance: number = 1_024;

  /** A reservation not settled within this time is released (its gateway died), in ms. Default 900000 (15 min). */
  @IsInt() @Min(1_000) readonly reservationTtlMs: number = 900_000;

  /** How often each replica releases expired reservations, in ms. Default 5000. */
  @IsInt() @Min(100) readonly sweepIntervalMs: number = 5_000;

  /** How long a budget definition is cached by each replica, in ms (changes through this replica apply at once). Default 2000. */
  @IsInt() @Min(0) readonly budgetCacheMs: number = 2_000;

  @ValidateNested() @Type(() => PricesConfig) readonly prices: PricesConfig = new PricesConfig();

  @ValidateNested() @Type(() => AlertsConfig) readonly alerts: AlertsConfig = new AlertsConfig();

  /** Model swap policies. Default none (off). */
  @ValidateNested({ each: true }) @Type(() => ModelSwapConfig) readonly swaps: ModelSwapConfig[] = [];

  @ValidateNested() @Type(() => PromptCacheConfig) readonly promptCache: PromptCacheConfig = new PromptCacheConfig();
}
