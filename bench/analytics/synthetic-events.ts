import { create } from '@bufbuild/protobuf';
import { CacheStatus, RequestCompletedSchema, RequestOutcome, uuidv7, type RequestCompleted } from '@helix/contracts';
import { seededRandom } from '@helix/providers';

const MODELS = [
  ['gpt-4o', 'openai', 2_500_000n, 10_000_000n],
  ['gpt-4o-mini', 'openai', 150_000n, 600_000n],
  ['gpt-4.1', 'openai', 2_000_000n, 8_000_000n],
  ['claude-sonnet', 'anthropic', 3_000_000n, 15_000_000n],
  ['claude-haiku', 'anthropic', 800_000n, 4_000_000n],
  ['mistral-large', 'mistral', 2_000_000n, 6_000_000n],
  ['llama-3-70b', 'vllm', 0n, 0n],
  ['gemini-flash', 'google', 100_000n, 400_000n],
] as const;

/**
 * `count` completed requests spread evenly over `[fromMs, toMs)`, in batches:
 * one org, 50 teams of 4 users with one key each, 8 models on 5 providers,
 * 15 % exact and 5 % semantic cache hits, 3 % errors, log-normal latencies.
 */
export function* syntheticBatches(count: number, fromMs: number, toMs: number, batch: number, orgId = 'bench-org'): Generator<RequestCompleted[]> {
  const rnd = seededRandom(42);
  const step = (toMs - fromMs) / count;
  for (let start = 0; start < count; start += batch) {
    const out: RequestCompleted[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const at = Math.floor(fromMs + i * step);
      const team = Math.floor(rnd() * 50);
      const user = team * 4 + Math.floor(rnd() * 4);
      const [model, provider, inPrice, outPrice] = MODELS[Math.floor(rnd() * rnd() * MODELS.length)]!;
      const r = rnd();
      const cache = r < 0.15 ? CacheStatus.HIT_EXACT : r < 0.2 ? CacheStatus.HIT_SEMANTIC : CacheStatus.MISS;
      const failed = rnd() < 0.03;
      const input = 50 + Math.floor(rnd() * 2_000);
      const output = failed ? 0 : 5 + Math.floor(rnd() * rnd() * 800);
      const cost = BigInt(input) * inPrice + BigInt(output) * outPrice;
      const hit = cache !== CacheStatus.MISS;
      const duration = Math.round(Math.exp(5.5 + rnd() * 1.8) * (hit ? 0.05 : 1));
      out.push(
        create(RequestCompletedSchema, {
          eventId: uuidv7(at),
          correlationId: '',
          startedAtMs: BigInt(at),
          completedAtMs: BigInt(at + duration),
          tenant: { orgId, teamId: `team-${team}`, userId: `user-${user}`, keyId: `key-${user}` },
          endpoint: 'chat.completions',
          outcome: failed ? RequestOutcome.UPSTREAM_ERROR : RequestOutcome.SUCCESS,
          httpStatus: failed ? 502 : 200,
          errorType: failed ? (rnd() < 0.5 ? 'upstream_error' : 'upstream_timeout') : '',
          requestedModel: model,
          servedModel: model,
          provider,
          deployment: `${provider}/${model}`,
          stream: rnd() < 0.4,
          usage: { inputTokens: input, outputTokens: output },
          costPicoUsd: hit || failed ? 0n : cost,
          savedPicoUsd: hit ? cost : 0n,
          priceVersion: 'bench',
          unpriced: inPrice === 0n,
          cacheStatus: cache,
          durationMs: duration,
          ttfbMs: Math.round(duration * 0.3),
        }),
      );
    }
    yield out;
  }
}
