/** Why an answer is not stored, or undefined when it may be. */
export function uncacheableReason(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return 'not_json';
  const b = body as { error?: unknown; object?: string; choices?: { finish_reason?: string | null; message?: { refusal?: unknown; content?: unknown; tool_calls?: unknown[] } }[] };
  if (b.error) return 'error';
  if (b.object !== undefined && b.object !== 'chat.completion') return 'not_completion';
  if (!Array.isArray(b.choices) || b.choices.length !== 1) return 'choices';
  const c = b.choices[0]!;
  if (c.finish_reason === 'content_filter') return 'refusal';
  if (c.message?.refusal) return 'refusal';
  if (!c.finish_reason) return 'truncated';
  const hasText = typeof c.message?.content === 'string' && c.message.content.length > 0;
  if (!hasText && !c.message?.tool_calls?.length) return 'empty';
  return undefined;
}
