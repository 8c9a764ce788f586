import { couldStartPlaceholder, PLACEHOLDER } from './placeholder.js';

/** Placeholder → original value, for one request. Lives only in the request's memory. */
export type RestoreMap = ReadonlyMap<string, string>;

export function restoreMap(replacements: readonly { placeholder: string; original: string }[]): RestoreMap {
  return new Map(replacements.map((r) => [r.placeholder, r.original]));
}

/** Every known placeholder in `text` → its original value; unknown ones stay as they are. */
export function restoreText(text: string, map: RestoreMap): string {
  if (map.size === 0 || text.indexOf('<') === -1) return text;
  return text.replace(PLACEHOLDER, (p) => map.get(p) ?? p);
}

/**
 * Restores a text that arrives in pieces (one stream choice's content). `push`
 * returns what can be sent now: everything except a tail that could still be the
 * start of a placeholder, which waits for the next piece. `flush` returns the
 * rest at the end. Only that tail is ever held back, never the stream.
 */
export class StreamRestorer {
  private held = '';

  constructor(private readonly map: RestoreMap) {}

  push(piece: string): string {
    const text = this.held + piece;
    this.held = '';
    const lt = text.lastIndexOf('<');
    if (lt !== -1 && couldStartPlaceholder(text.slice(lt))) {
      this.held = text.slice(lt);
      return restoreText(text.slice(0, lt), this.map);
    }
    return restoreText(text, this.map);
  }

  flush(): string {
    const rest = this.held;
    this.held = '';
    return restoreText(rest, this.map);
  }
}
