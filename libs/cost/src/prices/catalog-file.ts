import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLiteLlmCatalog, type ParsedCatalog } from './litellm-catalog.js';

const SHIPPED = join('libs', 'cost', 'catalog', 'model-prices.json');

/** The shipped catalogue, found from this module whether it runs from `libs/` (sources) or `dist/libs/` (build). */
export function shippedCatalogPath(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, SHIPPED);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`the price catalogue ${SHIPPED} was not found above ${from}`);
  }
}

/** What `prices:update` writes beside a catalogue: where it came from and when it takes effect. */
export interface CatalogMeta {
  source: string;
  sha256: string;
  effectiveFrom: string;
}

/** Reads and validates a LiteLLM catalogue file; its version is `litellm:<first 12 hex of its sha256>`. */
export function readCatalogFile(path: string): ParsedCatalog & { sha256: string; meta?: CatalogMeta } {
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const meta = readMeta(path);
  const effectiveFromMs = meta ? Date.parse(meta.effectiveFrom) || 0 : 0;
  return { ...parseLiteLlmCatalog(JSON.parse(bytes.toString('utf8')), `litellm:${sha256.slice(0, 12)}`, effectiveFromMs), sha256, meta };
}

export const metaPathOf = (catalogPath: string): string => catalogPath.replace(/\.json$/, '') + '.meta.json';

function readMeta(catalogPath: string): CatalogMeta | undefined {
  const path = metaPathOf(catalogPath);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CatalogMeta) : undefined;
}
