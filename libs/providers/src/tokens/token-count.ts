import { createRequire } from 'node:module';
import type { ChatContentPart, ChatMessage, ChatRequest } from '../openai.types.js';

type Encoding = 'o200k_base' | 'cl100k_base';
type Counter = (text: string, options: { disallowedSpecial: Set<string> }) => number;

const require = createRequire(import.meta.url);
const counters = new Map<Encoding, Counter>();
const NO_SPECIAL = { disallowedSpecial: new Set<string>() };
const O200K_MODELS = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o\d)/;

/** Per the OpenAI cookbook: every message costs 3 tokens of framing, a name 1, the reply priming 3. */
const PER_MESSAGE = 3;
const PER_NAME = 1;
const REPLY_PRIMING = 3;
/** A low-detail image; high-detail costs more, so this is a floor. */
const PER_IMAGE = 85;

/** `o200k_base` for the gpt-4o family and newer OpenAI models, `cl100k_base` for everything else. */
export function encodingFor(model = ''): Encoding {
  return O200K_MODELS.test(model.slice(model.lastIndexOf('/') + 1)) ? 'o200k_base' : 'cl100k_base';
}

/** The tokenizer loads on first use (about 200 ms), so start-up does not pay for it. */
function counter(encoding: Encoding): Counter {
  let count = counters.get(encoding);
  if (!count) {
    count = (require(`gpt-tokenizer/cjs/encoding/${encoding}`) as { countTokens: Counter }).countTokens;
    counters.set(encoding, count);
  }
  return count;
}

/** Tokens in a text, counted locally (for "provider reported nothing": mark the usage `estimated`). */
export function estimateTokens(text: string, model?: string): number {
  return text.length === 0 ? 0 : counter(encodingFor(model))(text, NO_SPECIAL);
}

/** Prompt tokens of a chat request: messages with their framing, plus tool definitions. */
export function countChatTokens(req: ChatRequest): number {
  const count = counter(encodingFor(req.model));
  let total = REPLY_PRIMING;
  for (const m of req.messages) total += messageTokens(m, (t) => (t.length === 0 ? 0 : count(t, NO_SPECIAL)));
  if (req.tools?.length) total += count(JSON.stringify(req.tools), NO_SPECIAL);
  return total;
}

function messageTokens(m: ChatMessage, count: (text: string) => number): number {
  let n = PER_MESSAGE + count(m.role);
  if (m.name) n += PER_NAME + count(m.name);
  if (typeof m.content === 'string') n += count(m.content);
  else if (Array.isArray(m.content)) for (const part of m.content) n += partTokens(part, count);
  if (m.tool_calls) for (const call of m.tool_calls) n += count(call.function.name) + count(call.function.arguments);
  return n;
}

function partTokens(part: ChatContentPart, count: (text: string) => number): number {
  if (typeof part.text === 'string') return count(part.text);
  return part.type === 'image_url' ? PER_IMAGE : 0;
}
