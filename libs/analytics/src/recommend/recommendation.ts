/** One recommendation, with the numbers behind it. */
export interface Recommendation {
  kind: 'enable_semantic_cache' | 'cheaper_model' | 'unpriced_model' | 'raise_budget';
  /** What it is about: a team, a model or a budget. */
  subject: Record<string, string>;
  message: string;
  numbers: Record<string, number | string>;
}

/** Per-token prices of a model, pico-USD. */
export interface TokenPrice {
  inputPico: bigint;
  outputPico: bigint;
}

/** What recommendations need to know beyond the analytics tables (from config and the price book). */
export interface RecommendationContext {
  /** Whether semantic caching is on for a team's requests to a model. */
  semanticEnabled(teamId: string, model: string): boolean;
  /** The model's price per token, if it has one. */
  priceOf(model: string): TokenPrice | undefined;
  /** Models requests can go to (the public names of the config). */
  models(): string[];
}

/** Thresholds of the recommendations. */
export interface RecommendationRules {
  /** Fewest requests in the range before a team or model is judged. */
  minRequests: number;
  /** Exact hit rate from which a team's traffic counts as repeating. */
  repeatRate: number;
  /** Share of short answers from which a cheaper model is suggested. */
  shortShare: number;
}
