/** One request as a mock saw it; `authorization` is never kept. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** Epoch ms. */
  at: number;
}

/** The last `limit` entries, oldest first. */
export class RequestLog<T = RecordedRequest> {
  private entries: T[] = [];

  constructor(private readonly limit = 200) {}

  add(entry: T): void {
    if (this.entries.length >= this.limit) this.entries.shift();
    this.entries.push(entry);
  }

  list(): T[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

/** Headers to record: everything but credentials. */
export function recordableHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in headers) {
    const lower = key.toLowerCase();
    if (lower === 'authorization' || lower === 'api-key' || lower === 'x-api-key') continue;
    const v = headers[key];
    if (v !== undefined) out[lower] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
