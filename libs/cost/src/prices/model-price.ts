/** Prices of one model's token kinds, in pico-USD per token. */
export interface TokenPrices {
  input: bigint;
  output: bigint;
  /** Prompt tokens read from the provider's prompt cache (default: the input price). */
  cacheRead: bigint;
  /** Prompt tokens written to the provider's prompt cache (default: the input price). */
  cacheWrite: bigint;
  /** Hidden reasoning tokens, which are part of the output (default: the output price). */
  reasoning: bigint;
}

/** Prices that apply instead when the prompt is longer than `aboveTokens` (LiteLLM `*_above_200k_tokens`). */
export interface PriceTier extends TokenPrices {
  aboveTokens: number;
}

/** One model's price, as it applies from `effectiveFromMs`. */
export interface ModelPrice extends TokenPrices {
  /** The name it is listed under. */
  model: string;
  /** Ascending by `aboveTokens`. */
  tiers: PriceTier[];
  /** Self-hosted models: pico-USD per hour of request time, charged on top of tokens. */
  perHour: bigint;
  /** Which list and version priced it: `litellm:<sha256 prefix>` or `config:<model>@<effective date>`. */
  version: string;
  effectiveFromMs: number;
}

/** The token counts a price applies to (the `Usage` proto's shape). */
export interface UsageCounts {
  /** All prompt tokens, cached ones included. */
  inputTokens: number;
  /** All completion tokens, reasoning ones included. */
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

/** The prices of a prompt of `promptTokens`: the highest tier it passes, else the base prices. */
export function pricesFor(price: ModelPrice, promptTokens: number): TokenPrices {
  let chosen: TokenPrices = price;
  for (const tier of price.tiers) if (promptTokens > tier.aboveTokens) chosen = tier;
  return chosen;
}
