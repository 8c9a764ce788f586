import { Errors } from '@helix/contracts';
import type { Conversation, TurnPart } from '../shared/conversation.js';
import type { AnthropicBlock, AnthropicMessage } from './anthropic.types.js';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** A Conversation → Anthropic's `system` and `messages`. */
export function anthropicMessages(conv: Conversation): { system?: string; messages: AnthropicMessage[] } {
  const messages = conv.turns.map((t) => ({ role: t.role, content: t.parts.map(block) }));
  return conv.system.length ? { system: conv.system.join('\n\n'), messages } : { messages };
}

function block(part: TurnPart): AnthropicBlock {
  switch (part.kind) {
    case 'text':
      return withCache({ type: 'text', text: part.text }, part.cacheControl);
    case 'tool-call':
      return { type: 'tool_use', id: part.id, name: part.name, input: part.args };
    case 'tool-result':
      return { type: 'tool_result', tool_use_id: part.id, content: part.text };
    case 'media-url':
      if (!/^https?:\/\//i.test(part.url)) throw Errors.badRequest(`${part.param}: images must be data URLs or http(s) URLs.`, part.param);
      return withCache({ type: 'image', source: { type: 'url', url: part.url } }, part.cacheControl);
    case 'media':
      if (IMAGE_TYPES.has(part.mediaType)) return withCache({ type: 'image', source: { type: 'base64', media_type: part.mediaType, data: part.data } }, part.cacheControl);
      if (part.mediaType === 'application/pdf') {
        const doc: AnthropicBlock = { type: 'document', source: { type: 'base64', media_type: part.mediaType, data: part.data } };
        if (part.filename) doc.title = part.filename;
        return withCache(doc, part.cacheControl);
      }
      throw Errors.badRequest(`${part.param}: Anthropic does not take ${part.mediaType} content (images: jpeg, png, gif, webp; files: pdf).`, part.param);
  }
}

function withCache<T extends AnthropicBlock>(b: T, cacheControl: unknown): T {
  if (cacheControl !== undefined && cacheControl !== null) (b as { cache_control?: unknown }).cache_control = cacheControl;
  return b;
}
