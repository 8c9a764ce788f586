import type { ChatChunkChoice, ChatCompletionChunk } from '../openai.types.js';
import type { TokenUsage } from '../provider.js';
import { nowSeconds, randomId } from './ids.js';
import { chatUsage } from './usage.js';

/** Builds the `chat.completion.chunk`s of one stream: one id, model and timestamp for all. */
export class ChunkFactory {
  id = randomId('chatcmpl-');
  model = '';
  readonly created = nowSeconds();

  constructor(model = '') {
    this.model = model;
  }

  chunk(delta: ChatChunkChoice['delta'], finishReason: string | null = null, index = 0): ChatCompletionChunk {
    return { id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.model, choices: [{ index, delta, finish_reason: finishReason }] };
  }

  /** The usage-only chunk OpenAI sends last with `stream_options.include_usage` (the gateway strips it when the client did not ask). */
  usage(usage: TokenUsage): ChatCompletionChunk {
    return { id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.model, choices: [], usage: chatUsage(usage) };
  }
}
