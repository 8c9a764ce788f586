import { create } from '@bufbuild/protobuf';
import { TextSegmentSchema, type TextSegment } from '@helix/contracts';
import type { ChatMessage, ChatRequest } from '@helix/providers';

/**
 * The text of a chat request that crosses to the pii- and cache-services: every
 * message's content (string or text parts), tool-call arguments and tool results.
 * Images and audio stay in the gateway.
 */
export function textSegments(body: ChatRequest): TextSegment[] {
  const out: TextSegment[] = [];
  body.messages.forEach((m, i) => {
    if (typeof m.content === 'string') out.push(create(TextSegmentSchema, { path: `messages.${i}.content`, text: m.content }));
    else if (Array.isArray(m.content)) {
      m.content.forEach((p, j) => {
        if (p.type === 'text' && typeof p.text === 'string') out.push(create(TextSegmentSchema, { path: `messages.${i}.content.${j}.text`, text: p.text }));
      });
    }
    m.tool_calls?.forEach((t, j) => {
      if (typeof t.function?.arguments === 'string') {
        out.push(create(TextSegmentSchema, { path: `messages.${i}.tool_calls.${j}.function.arguments`, text: t.function.arguments }));
      }
    });
  });
  return out;
}

/** A copy of `body` with changed segments' text put back at their paths; unchanged messages are shared. */
export function applySegments(body: ChatRequest, segments: readonly TextSegment[], original = textSegments(body)): ChatRequest {
  const before = new Map(original.map((s) => [s.path, s.text]));
  const messages = body.messages.slice();
  const copied = new Set<number>();
  for (const seg of segments) {
    if (before.get(seg.path) === seg.text) continue;
    const [, idx, ...rest] = seg.path.split('.');
    const i = Number(idx);
    if (!copied.has(i)) {
      messages[i] = structuredClone(messages[i]!) as ChatMessage;
      copied.add(i);
    }
    setPath(messages[i] as Record<string, unknown>, rest, seg.text);
  }
  return { ...body, messages };
}

function setPath(target: Record<string, unknown>, path: string[], value: string): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
