import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Replaces (or appends) one `## ` section of a markdown file, leaving the others as they are. */
export function writeSection(path: string, heading: string, body: string): void {
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf(`${heading}\n`);
  const section = `${heading}\n\n${body}\n`;
  if (start === -1) return writeFileSync(path, `${doc.trimEnd()}\n\n${section}`);
  const next = doc.indexOf('\n## ', start + heading.length);
  writeFileSync(path, doc.slice(0, start) + section + (next === -1 ? '' : doc.slice(next + 1)));
}
