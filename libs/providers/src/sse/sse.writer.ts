/** The end-of-stream marker of OpenAI streams. */
export const SSE_DONE = '[DONE]';

/**
 * One SSE event as text: objects are JSON-encoded on one `data:` line; a string is sent as is
 * (`'[DONE]'`), split into several `data:` lines when it holds newlines.
 */
export function encodeSse(data: object | string): string {
  if (typeof data !== 'string') return `data: ${JSON.stringify(data)}\n\n`;
  if (!/[\r\n]/.test(data)) return `data: ${data}\n\n`;
  return `${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join('\n')}\n\n`;
}
