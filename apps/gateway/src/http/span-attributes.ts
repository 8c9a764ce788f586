import type { Attributes } from '@opentelemetry/api';
import { ErrorCodes } from '@helix/contracts';
import { cacheAttributes, piiAttributes as piiCounts } from '@helix/telemetry';
import type { RoutedDeployment } from '../models/model-catalog.js';
import type { Endpoint, RequestState } from '../pipeline/request-state.js';

/** `gen_ai.provider.name` of each Helix provider (OpenTelemetry GenAI conventions); others go as they are. */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  openai: 'openai',
  azure: 'azure.ai.openai',
  anthropic: 'anthropic',
  bedrock: 'aws.bedrock',
  vertex: 'gcp.vertex_ai',
  'vertex-anthropic': 'gcp.vertex_ai',
  gemini: 'gcp.gemini',
};


export const genAiProvider = (provider: string): string => PROVIDER_NAMES[provider] ?? provider;

/** `gen_ai.operation.name` of an endpoint. */
export const genAiOperation = (endpoint: Endpoint): string => (endpoint === 'embeddings' ? 'embeddings' : 'chat');

/** The gateway server span at its start: operation and requested model. */
export function requestStartAttributes(s: RequestState): Attributes {
  return { 'gen_ai.operation.name': genAiOperation(s.endpoint), 'gen_ai.request.model': s.requestedModel, 'helix.endpoint': s.endpoint };
}

/**
 * The gateway server span once answered: GenAI usage and models, and the Helix
 * outcome (cache, cost, PII entity counts, budget verdict). Counts and names
 * only: never prompt or answer text.
 */
export function requestEndAttributes(s: RequestState): Attributes {
  const a: Attributes = {
    'http.response.status_code': s.httpStatus,
    ...cacheAttributes(s.cache.status, s.cache.similarity),
    'helix.budget.verdict': budgetVerdict(s),
    'helix.cost.usd': Number(s.costPicoUsd) / 1e12,
    'helix.attempts': s.attempts.length,
  };
  if (s.servedModel) a['gen_ai.response.model'] = s.servedModel;
  if (s.deployment) a['gen_ai.provider.name'] = genAiProvider(s.deployment.provider);
  if (s.errorCode) a['error.type'] = s.errorCode;
  Object.assign(a, usageAttributes(s), piiAttributes(s));
  const reasons = finishReasons(s.upstreamBody);
  if (reasons.length) a['gen_ai.response.finish_reasons'] = reasons;
  return a;
}

/** What a step's span shows once its `before` ran: the cache's result, PII counts, the budget's verdict. */
export function stepEndAttributes(step: string, s: RequestState): Attributes {
  switch (step) {
    case 'cache':
      return cacheAttributes(s.cache.status, s.cache.similarity);
    case 'pii':
      return piiAttributes(s);
    case 'budget':
      return s.budget ? { 'helix.budget.verdict': budgetVerdict(s) } : {};
    default:
      return {};
  }
}

/** One provider attempt (a client span): which deployment, and how the router came to it. */
export function attemptAttributes(s: RequestState, dep: RoutedDeployment, number: number): Attributes {
  return {
    'gen_ai.operation.name': genAiOperation(s.endpoint),
    'gen_ai.provider.name': genAiProvider(dep.provider),
    'gen_ai.request.model': dep.model,
    'helix.deployment': dep.id,
    'helix.attempt': number,
    'helix.retry': s.attempts.some((a) => a.deployment === dep.id),
    'helix.fallback': s.responseHeaders['x-helix-fallback'] !== undefined,
  };
}

/** What an attempt's span learns once its answer is in. */
export function attemptEndAttributes(s: RequestState, reasons: readonly string[]): Attributes {
  const a: Attributes = usageAttributes(s);
  if (s.servedModel) a['gen_ai.response.model'] = s.servedModel;
  if (reasons.length) a['gen_ai.response.finish_reasons'] = [...reasons];
  return a;
}

function usageAttributes(s: RequestState): Attributes {
  if (!s.usage) return {};
  return { 'gen_ai.usage.input_tokens': s.usage.inputTokens, 'gen_ai.usage.output_tokens': s.usage.outputTokens };
}

/** PII entity counts by type; the detected values never. */
function piiAttributes(s: RequestState): Attributes {
  return s.pii ? piiCounts(s.pii.detections, s.pii.blocked) : {};
}

/** allow, capped, refuse, unavailable (failed open or closed), or none (no budget step ran). */
export function budgetVerdict(s: RequestState): string {
  if (s.errorCode === ErrorCodes.budgetExceeded) return 'refuse';
  if (s.budget) return s.budget.cappedMaxTokens > 0 ? 'capped' : 'allow';
  return s.errorCode === ErrorCodes.budgetUnavailable ? 'unavailable' : 'none';
}

/** The distinct `finish_reason`s of an OpenAI-shaped answer body. */
export function finishReasons(body: Record<string, unknown> | undefined): string[] {
  const choices = body?.choices;
  if (!Array.isArray(choices)) return [];
  const out = new Set<string>();
  for (const c of choices) {
    const r = (c as { finish_reason?: unknown }).finish_reason;
    if (typeof r === 'string' && r) out.add(r);
  }
  return [...out];
}
