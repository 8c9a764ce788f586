import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Rewrites the file's header (everything before the first `## `) and its `## Gateway` section, which
 * goes first; every other section (PII, Cost, ...) is kept as it is, in its order.
 */
export function writeGatewayDoc(path: string, header: string, gateway: string): void {
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const first = doc.search(/^## /m);
  const sections = (first === -1 ? '' : doc.slice(first)).split(/^(?=## )/m).filter((s) => s.trim() && !s.startsWith('## Gateway\n'));
  const parts = [header.trimEnd(), `## Gateway\n\n${gateway.trim()}`, ...sections.map((s) => s.trimEnd())];
  writeFileSync(path, `${parts.join('\n\n')}\n`);
}
