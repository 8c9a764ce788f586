import type { CostConfig } from '@helix/config';
import type { PriceBook } from '@helix/cost';
import type { ChatCompletion, ChatCompletionChunk } from '@helix/providers';
import { mapChunks, type Answer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { markPromptCache } from './prompt-cache.js';
import { costHeaders, priceRequest, usageCost } from './request-cost.js';
import { chunkText, completionText, estimateUsage } from './usage-estimate.js';

interface Tracked {
  generated: string;
  priced: boolean;
}

/**
 * Prices every answer (issue 7) and marks prompt prefixes for provider caching.
 *
 * - `before`: for teams with prompt-cache optimisation, marks the stable prefix.
 * - `transform`: a JSON answer is priced at once (`x-helix-cost`); a stream is
 *   priced when its usage chunk passes (which gets `usage.cost` when the client
 *   asked for usage), or at its end from the text it generated, if the provider
 *   reported no usage (a usage chunk with the estimate is then added for a client
 *   that asked for one).
 * - `after`: a stream cut short is priced from what was generated until then.
 *
 * Place it right after the model step, so it sees cache hits and every answer.
 */
export class CostStep implements Step {
  readonly name = 'cost';
  private readonly tracked = new WeakMap<RequestState, Tracked>();

  constructor(
    private readonly prices: () => PriceBook,
    private readonly config: () => CostConfig,
  ) {}

  before(state: RequestState): void {
    this.tracked.set(state, { generated: '', priced: false });
    const pc = this.config().promptCache;
    const provider = state.route?.deployments[0]?.provider;
    if (provider && state.identity && pc.teams.includes(state.identity.teamId)) state.body = markPromptCache(state.body, provider, pc.minPrefixChars);
  }

  transform(answer: Answer, state: RequestState): Answer {
    const t = this.tracked.get(state) ?? { generated: '', priced: false };
    if (answer.kind === 'json') {
      const body = answer.body as unknown as ChatCompletion;
      this.price(state, t, Array.isArray(body.choices) ? completionText(body) : '');
      Object.assign(state.responseHeaders, costHeaders(state));
      return answer;
    }
    const wantsUsage = state.body.stream_options?.include_usage === true;
    return mapChunks(answer, async function* (this: CostStep, chunks: AsyncIterable<ChatCompletionChunk>) {
      let last: ChatCompletionChunk | undefined;
      for await (const chunk of chunks) {
        t.generated += chunkText(chunk);
        if (chunk.usage) {
          this.price(state, t, t.generated);
          chunk.usage = { ...chunk.usage, cost: usageCost(state) };
        }
        last = chunk;
        yield chunk;
      }
      if (t.priced) return;
      this.price(state, t, t.generated);
      if (wantsUsage && last) yield usageChunk(last, state);
    }.bind(this));
  }

  after(state: RequestState): void {
    const t = this.tracked.get(state);
    if (!t || t.priced) return;
    if (!t.generated && !state.usage) return;
    this.price(state, t, t.generated);
  }

  private price(state: RequestState, t: Tracked, generated: string): void {
    priceRequest(state, this.prices(), generated);
    t.priced = true;
  }
}

function usageChunk(last: ChatCompletionChunk, state: RequestState): ChatCompletionChunk {
  const u = state.usage ?? estimateUsage(state.body, '');
  return {
    id: last.id,
    object: 'chat.completion.chunk',
    created: last.created,
    model: last.model,
    choices: [],
    usage: { prompt_tokens: u.inputTokens, completion_tokens: u.outputTokens, total_tokens: u.inputTokens + u.outputTokens, cost: usageCost(state), estimated: u.estimated },
  };
}
