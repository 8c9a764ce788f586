import { ErrorCodes, ErrorTypes, type OpenAIErrorBody } from '@helix/contracts';
import type { Deployment } from '../provider.js';

const MAX_MESSAGE = 500;
const KEY_PATTERN = /\b(sk|pk|rk|gsk|xai)[-_][A-Za-z0-9_*.-]{6,}/g;

/**
 * Every upstream error → the OpenAI error shape, in one place. OpenAI-shaped bodies keep their
 * type/code/param; anything else becomes `upstream_error`. Statuses pass through, except
 * 401/403 (the upstream refused Helix's own credentials: 502, the caller's key is fine)
 * and non-error statuses (502). Messages never carry the deployment's key.
 */
export function mapUpstreamError(status: number, body: string, dep: Deployment, providerName = dep.provider): { status: number; body: OpenAIErrorBody } {
  if (status === 401 || status === 403) {
    return {
      status: 502,
      body: upstreamError(
        `The upstream provider (${providerName}) rejected the gateway's credentials for deployment "${dep.id}" (HTTP ${status}). ` +
          'Your API key is fine; the gateway operator must fix the deployment key.',
      ),
    };
  }
  const parsed = parseJson(body);
  const err = (parsed as { error?: unknown } | undefined)?.error;
  const out: OpenAIErrorBody =
    err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string'
      ? fromOpenAIShape(err as Record<string, unknown>)
      : upstreamError(describe(status, parsed, err, body, providerName));
  out.error.message = scrub(out.error.message, dep.apiKey);
  return { status: status >= 400 ? status : 502, body: out };
}

export function upstreamError(message: string): OpenAIErrorBody {
  return { error: { message, type: ErrorTypes.upstream, param: null, code: ErrorCodes.upstreamError } };
}

function fromOpenAIShape(err: Record<string, unknown>): OpenAIErrorBody {
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  return {
    error: {
      message: truncate(err.message as string),
      type: str(err.type) ?? ErrorTypes.upstream,
      param: str(err.param),
      code: str(err.code) ?? (str(err.type) === null ? ErrorCodes.upstreamError : null),
    },
  };
}

function describe(status: number, parsed: unknown, err: unknown, raw: string, provider: string): string {
  const detail =
    typeof err === 'string'
      ? err
      : typeof (parsed as { message?: unknown })?.message === 'string'
        ? (parsed as { message: string }).message
        : typeof (parsed as { detail?: unknown })?.detail === 'string'
          ? (parsed as { detail: string }).detail
          : raw.replace(/\s+/g, ' ').trim();
  return truncate(`The upstream provider (${provider}) returned HTTP ${status}${detail ? `: ${detail}` : '.'}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const truncate = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s);

function scrub(message: string, apiKey: string | undefined): string {
  const out = apiKey && apiKey.length >= 4 ? message.split(apiKey).join('***') : message;
  return out.replace(KEY_PATTERN, '$1-***');
}
