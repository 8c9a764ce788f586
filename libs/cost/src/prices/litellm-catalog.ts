import { usdToPicoDenoised } from '../money/pico.js';
import type { ModelPrice, PriceTier } from './model-price.js';

/** A catalogue entry that could not be read; the model stays unpriced. */
export interface CatalogIssue {
  model: string;
  field: string;
  message: string;
}

export interface ParsedCatalog {
  prices: Map<string, ModelPrice>;
  issues: CatalogIssue[];
}

const BASE = {
  input: 'input_cost_per_token',
  output: 'output_cost_per_token',
  cacheRead: 'cache_read_input_token_cost',
  cacheWrite: 'cache_creation_input_token_cost',
} as const;
type Kind = keyof typeof BASE;
const TIER = /^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_(\d+)k_tokens$/;
const KIND_OF: Record<string, Kind> = Object.fromEntries(Object.entries(BASE).map(([k, f]) => [f, k as Kind]));
const NOT_MODELS = new Set(['sample_spec', 'fallback_generalizations']);

/**
 * LiteLLM's `model_prices_and_context_window.json` → prices in pico-USD. A model
 * is priced when it has both an input and an output price per token; every
 * price is checked (a number, not negative, a whole number of pico-USD), and a
 * model with a bad one is left out and reported, so it is unpriced, never $0.
 */
export function parseLiteLlmCatalog(json: unknown, version: string, effectiveFromMs = 0): ParsedCatalog {
  const prices = new Map<string, ModelPrice>();
  const issues: CatalogIssue[] = [];
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    issues.push({ model: '', field: '', message: 'the catalogue is not a JSON object of models' });
    return { prices, issues };
  }
  for (const [model, entry] of Object.entries(json as Record<string, unknown>)) {
    if (NOT_MODELS.has(model) || !entry || typeof entry !== 'object') continue;
    const price = parseEntry(model, entry as Record<string, unknown>, version, effectiveFromMs, issues);
    if (price) prices.set(model, price);
  }
  return { prices, issues };
}

function parseEntry(model: string, e: Record<string, unknown>, version: string, effectiveFromMs: number, issues: CatalogIssue[]): ModelPrice | undefined {
  const before = issues.length;
  const read = (field: string): bigint | undefined => {
    const v = e[field];
    if (v === undefined || v === null) return undefined;
    try {
      if (typeof v !== 'number') throw new RangeError('is not a number');
      return usdToPicoDenoised(v);
    } catch (err) {
      issues.push({ model, field, message: (err as Error).message });
      return undefined;
    }
  };
  const input = read(BASE.input);
  const output = read(BASE.output);
  const cacheRead = read(BASE.cacheRead) ?? read('input_cost_per_token_cache_hit');
  const cacheWrite = read(BASE.cacheWrite);
  const reasoning = read('output_cost_per_reasoning_token');
  if (input === undefined || output === undefined) {
    readTiers(e, read, {});
    return undefined;
  }
  const explicit = { cacheRead, cacheWrite, reasoning };
  const tiers = readTiers(e, read, { ...explicit, input, output });
  if (issues.length > before) return undefined;
  return { model, ...withDefaults(input, output, explicit), tiers, perHour: 0n, version, effectiveFromMs };
}

type Explicit = Partial<Record<'cacheRead' | 'cacheWrite' | 'reasoning', bigint>>;

/** A kind without a price of its own costs what its plain kind costs: cached input as input, reasoning as output. */
const withDefaults = (input: bigint, output: bigint, x: Explicit) => ({
  input,
  output,
  cacheRead: x.cacheRead ?? input,
  cacheWrite: x.cacheWrite ?? input,
  reasoning: x.reasoning ?? output,
});

function readTiers(e: Record<string, unknown>, read: (f: string) => bigint | undefined, explicit: Explicit & { input?: bigint; output?: bigint }): PriceTier[] {
  const byThreshold = new Map<number, Partial<Record<Kind, bigint>>>();
  for (const field of Object.keys(e)) {
    const m = TIER.exec(field);
    if (!m) continue;
    const value = read(field);
    if (value === undefined) continue;
    const above = Number(m[2]) * 1000;
    (byThreshold.get(above) ?? byThreshold.set(above, {}).get(above)!)[KIND_OF[m[1]!]!] = value;
  }
  return [...byThreshold.entries()]
    .sort(([a], [b]) => a - b)
    .map(([aboveTokens, t]) => ({
      aboveTokens,
      ...withDefaults(t.input ?? explicit.input ?? 0n, t.output ?? explicit.output ?? 0n, {
        cacheRead: t.cacheRead ?? explicit.cacheRead,
        cacheWrite: t.cacheWrite ?? explicit.cacheWrite,
        reasoning: explicit.reasoning,
      }),
    }));
}
