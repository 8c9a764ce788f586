import { session } from './session.js';

export type Row = Record<string, any>;
export type Params = Record<string, string | undefined>;

/** An API answer other than 2xx, with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Called when the key stops working (401), so the app can go back to the login form. */
let onUnauthorized: () => void = () => undefined;
export const whenUnauthorized = (fn: () => void) => void (onUnauthorized = fn);

const url = (path: string, params: Params) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  return `/v1/analytics/${path}${q.size ? `?${q}` : ''}`;
};

async function request(path: string, params: Params, key = session.key()): Promise<Response> {
  const res = await fetch(url(path, params), { headers: { authorization: `Bearer ${key ?? ''}` } });
  if (res.ok) return res;
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 && key && key === session.key()) onUnauthorized();
  throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
}

/** The `data` of a JSON answer. */
export async function rows(path: string, params: Params, key?: string): Promise<Row[]> {
  return (await (await request(path, params, key)).json()).data;
}

export async function json<T>(path: string, params: Params = {}): Promise<T> {
  return (await request(path, params)).json();
}

/** Downloads a query as CSV (the key goes in a header, so the link is a blob, never a URL with the key). */
export async function downloadCsv(path: string, params: Params, name: string): Promise<void> {
  const blob = await (await request(path, { ...params, format: 'csv' })).blob();
  const href = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href, download: `helix-${name}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1_000);
}
