/**
 * Numbered placeholders of one request: the same value gets the same
 * placeholder, and numbering is per type in order of first appearance, so the
 * first PERSON is `<PERSON_1>` in every prompt (the cache relies on it).
 * Seeded with the request's `known` replacements when an answer is scanned.
 */
export class Placeholders {
  private readonly byValue = new Map<string, string>();
  private readonly next = new Map<string, number>();
  /** Placeholders given by this instance (not the seeded ones), in order. */
  readonly added: { placeholder: string; original: string }[] = [];

  constructor(known: readonly { placeholder: string; original: string }[] = []) {
    for (const k of known) {
      const m = /^<([A-Z][A-Z0-9_]*)_(\d+)>$/.exec(k.placeholder);
      if (!m) continue;
      this.byValue.set(`${m[1]}\u0000${k.original}`, k.placeholder);
      this.next.set(m[1]!, Math.max(this.next.get(m[1]!) ?? 1, Number(m[2]) + 1));
    }
  }

  for(entityType: string, value: string): string {
    const key = `${entityType}\u0000${value}`;
    const seen = this.byValue.get(key);
    if (seen) return seen;
    const n = this.next.get(entityType) ?? 1;
    this.next.set(entityType, n + 1);
    const placeholder = `<${entityType}_${n}>`;
    this.byValue.set(key, placeholder);
    this.added.push({ placeholder, original: value });
    return placeholder;
  }
}
