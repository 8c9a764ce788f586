import { Errors } from '@helix/contracts';
import type { Conversation, TurnPart } from '../shared/conversation.js';

type Block = Record<string, unknown>;

const IMAGE_FORMATS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/gif': 'gif', 'image/webp': 'webp' };
const DOC_FORMATS: Record<string, string> = { 'application/pdf': 'pdf', 'text/csv': 'csv', 'text/plain': 'txt', 'text/html': 'html', 'text/markdown': 'md' };
const CACHE_POINT: Block = { cachePoint: { type: 'default' } };

/** A Conversation → Converse `system` and `messages`; a part with `cache_control` is followed by a cache point. */
export function converseMessages(conv: Conversation): { system?: Block[]; messages: { role: string; content: Block[] }[]; usesTools: boolean } {
  let usesTools = false;
  const messages = conv.turns.map((t) => ({
    role: t.role,
    content: t.parts.flatMap((p) => {
      if (p.kind === 'tool-call' || p.kind === 'tool-result') usesTools = true;
      const b = block(p);
      return 'cacheControl' in p && p.cacheControl ? [b, CACHE_POINT] : [b];
    }),
  }));
  return { ...(conv.system.length ? { system: conv.system.map((text) => ({ text })) } : {}), messages, usesTools };
}

function block(p: TurnPart): Block {
  switch (p.kind) {
    case 'text':
      return { text: p.text };
    case 'tool-call':
      return { toolUse: { toolUseId: p.id, name: p.name, input: p.args } };
    case 'tool-result':
      return { toolResult: { toolUseId: p.id, content: [{ text: p.text }] } };
    case 'media-url':
      throw Errors.badRequest(`${p.param}: Bedrock takes images as data URLs only.`, p.param);
    case 'media': {
      const image = IMAGE_FORMATS[p.mediaType];
      if (image) return { image: { format: image, source: { bytes: p.data } } };
      const doc = DOC_FORMATS[p.mediaType];
      if (doc) return { document: { format: doc, name: documentName(p.filename), source: { bytes: p.data } } };
      throw Errors.badRequest(`${p.param}: Bedrock does not take ${p.mediaType} content (images: png, jpeg, gif, webp; documents: pdf, csv, txt, html, md).`, p.param);
    }
  }
}

/** Converse document names allow letters, digits, spaces, hyphens, parentheses and brackets. */
const documentName = (filename: string | undefined): string =>
  (filename ?? 'document').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9 ()[\]-]+/g, ' ').trim().slice(0, 100) || 'document';
