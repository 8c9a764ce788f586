import type { PriceOverrideConfig } from '@helix/config';
import { perMillionToPico, usdToPico } from '../money/pico.js';
import type { ModelPrice } from './model-price.js';

/** A config issue of a price override, with the path of the bad field. */
export interface OverrideIssue {
  path: string;
  message: string;
}

/** Config overrides → prices, checked: every price must be a whole number of pico-USD per token. */
export function parseOverrides(overrides: readonly PriceOverrideConfig[], basePath = 'cost.prices.overrides'): { prices: ModelPrice[]; issues: OverrideIssue[] } {
  const prices: ModelPrice[] = [];
  const issues: OverrideIssue[] = [];
  overrides.forEach((o, i) => {
    const before = issues.length;
    const read = (field: keyof PriceOverrideConfig, toPico: (v: number) => bigint): bigint | undefined => {
      const v = o[field];
      if (v === undefined) return undefined;
      try {
        return toPico(v as number);
      } catch (err) {
        issues.push({ path: `${basePath}.${i}.${field}`, message: (err as Error).message });
        return undefined;
      }
    };
    const input = read('inputPerMTok', perMillionToPico) ?? 0n;
    const output = read('outputPerMTok', perMillionToPico) ?? 0n;
    const cacheRead = read('cacheReadPerMTok', perMillionToPico);
    const cacheWrite = read('cacheWritePerMTok', perMillionToPico);
    const reasoning = read('reasoningPerMTok', perMillionToPico);
    const perHour = read('perHourUsd', usdToPico) ?? 0n;
    const effectiveFromMs = o.effectiveFrom ? Date.parse(withZone(o.effectiveFrom)) : 0;
    if (Number.isNaN(effectiveFromMs)) issues.push({ path: `${basePath}.${i}.effectiveFrom`, message: 'is not a date' });
    if (issues.length > before) return;
    prices.push({
      model: o.model,
      input,
      output,
      cacheRead: cacheRead ?? input,
      cacheWrite: cacheWrite ?? input,
      reasoning: reasoning ?? output,
      tiers: [],
      perHour,
      version: `config:${o.model}@${o.effectiveFrom ?? 'always'}`,
      effectiveFromMs,
    });
  });
  return { prices, issues };
}

/** A date or date-time without an offset is UTC. */
const withZone = (iso: string) => (/T.*(Z|[+-]\d\d:?\d\d)$/i.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
