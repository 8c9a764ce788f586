// `npm run prices:update -- <file|url> [--out <path>] [--effective <ISO date>]`
// Refreshes the price catalogue (LiteLLM's model_prices_and_context_window.json):
// reads a file or downloads a URL, validates every price (a whole number of
// pico-USD per token; bad entries are listed and left unpriced), refuses a file
// that prices nothing, and writes it with its meta (source, sha256, the date it
// takes effect) over the shipped catalogue or --out. Running services pick it up
// on their next config reload (SIGHUP); requests keep the price they were charged.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { metaPathOf, parseLiteLlmCatalog, picoToUsd, readCatalogFile, shippedCatalogPath, type CatalogMeta } from '@helix/cost';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, effective: { type: 'string' } } });
const source = positionals[0];
if (!source) {
  console.error('usage: npm run prices:update -- <file|url> [--out <path>] [--effective <ISO date>]');
  process.exit(2);
}
const effectiveFrom = new Date(values.effective ?? Date.now());
if (Number.isNaN(effectiveFrom.getTime())) {
  console.error(`--effective ${values.effective}: not a date`);
  process.exit(2);
}

const bytes = /^https?:\/\//.test(source) ? Buffer.from(await (await fetch(source, { signal: AbortSignal.timeout(60_000) })).arrayBuffer()) : readFileSync(source);
let json: unknown;
try {
  json = JSON.parse(bytes.toString('utf8'));
} catch (err) {
  console.error(`${source} is not JSON: ${(err as Error).message}`);
  process.exit(1);
}
const sha256 = createHash('sha256').update(bytes).digest('hex');
const parsed = parseLiteLlmCatalog(json, `litellm:${sha256.slice(0, 12)}`);
for (const i of parsed.issues) console.warn(`unpriced: ${i.model}.${i.field}: ${i.message}`);
if (parsed.prices.size === 0) {
  console.error(`${source} prices no model: refused`);
  process.exit(1);
}

const out = values.out ?? shippedCatalogPath();
const before = existsSync(out) ? readCatalogFile(out).prices : new Map();
let changed = 0;
for (const [model, p] of parsed.prices) {
  const old = before.get(model);
  if (old && (old.input !== p.input || old.output !== p.output)) {
    changed++;
    if (changed <= 20) console.log(`changed: ${model} input $${picoToUsd(old.input * 1_000_000n)} → $${picoToUsd(p.input * 1_000_000n)}/1M, output $${picoToUsd(old.output * 1_000_000n)} → $${picoToUsd(p.output * 1_000_000n)}/1M`);
  }
}
const added = [...parsed.prices.keys()].filter((m) => !before.has(m)).length;
const removed = [...before.keys()].filter((m) => !parsed.prices.has(m)).length;
writeFileSync(out, bytes);
const meta: CatalogMeta = { source, sha256, effectiveFrom: effectiveFrom.toISOString() };
writeFileSync(metaPathOf(out), `${JSON.stringify(meta, null, 2)}\n`);
console.log(`${out}: ${parsed.prices.size} models priced (${added} added, ${removed} gone, ${changed} repriced, ${parsed.issues.length} bad prices left unpriced); version litellm:${sha256.slice(0, 12)} from ${meta.effectiveFrom}`);
