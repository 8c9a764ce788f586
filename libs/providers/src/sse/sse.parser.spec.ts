import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SseEvent } from '../provider.js';
import { SseParser, readSse } from './sse.parser.js';
import { encodeSse } from './sse.writer.js';

const utf8 = new TextEncoder();

function parseChunks(chunks: Uint8Array[]): SseEvent[] {
  const out: SseEvent[] = [];
  const parser = new SseParser((e) => out.push(e));
  for (const c of chunks) parser.push(c);
  parser.end();
  return out;
}

const parseText = (text: string) => parseChunks([utf8.encode(text)]);

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.subarray(prev, p));
    prev = p;
  }
  return parts;
}

describe('SseParser', () => {
  it('parses OpenAI-style events, comments, multi-line data, event names and ids', () => {
    const text = ': keep-alive\n\nevent: delta\nid: 7\ndata: {"a":1}\n\ndata: line one\ndata:line two\n\ndata: [DONE]\n\n';
    expect(parseText(text)).toEqual([
      { event: 'delta', id: '7', data: '{"a":1}' },
      { id: '7', data: 'line one\nline two' },
      { id: '7', data: '[DONE]' },
    ]);
  });

  it('accepts \\r\\n and lone \\r line endings, even split between chunks', () => {
    const bytes = utf8.encode('data: a\r\n\r\ndata: b\r\rdata: c\r\n\r\n');
    const expected = [{ data: 'a' }, { data: 'b' }, { data: 'c' }];
    expect(parseChunks([bytes])).toEqual(expected);
    for (let i = 0; i <= bytes.length; i++) expect(parseChunks([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(expected);
  });

  it('joins a UTF-8 character split across chunks', () => {
    const bytes = utf8.encode('data: héllo 👋\n\n');
    const byteByByte = [...bytes].map((b) => Uint8Array.of(b));
    expect(parseChunks(byteByByte)).toEqual([{ data: 'héllo 👋' }]);
  });

  it('ignores a field without value other than data, and dispatches nothing for an empty event', () => {
    expect(parseText('event: x\n\nretry: 10\n\ndata\n\n')).toEqual([{ data: '' }]);
  });

  it('dispatches a trailing event the server did not terminate', () => {
    expect(parseText('data: [DONE]')).toEqual([{ data: '[DONE]' }]);
  });

  it('reads an async byte stream with readSse', async () => {
    async function* body() {
      yield utf8.encode('data: {"x"');
      yield utf8.encode(':1}\n\ndata: [DO');
      yield utf8.encode('NE]\n\n');
    }
    const events: SseEvent[] = [];
    for await (const e of readSse(body())) events.push(e);
    expect(events).toEqual([{ data: '{"x":1}' }, { data: '[DONE]' }]);
  });

  const value = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !/[\r\n\0]/.test(s));
  const event = fc.record({
    data: fc.array(value, { minLength: 1, maxLength: 3 }),
    event: fc.option(value.filter((s) => s !== ''), { nil: undefined }),
    comment: fc.option(value, { nil: undefined }),
  });
  const stream = fc.record({ events: fc.array(event, { maxLength: 8 }), eol: fc.constantFrom('\n', '\r\n', '\r') });

  function render({ events, eol }: { events: { data: string[]; event?: string; comment?: string }[]; eol: string }) {
    return events
      .map((e) =>
        [
          ...(e.comment !== undefined ? [`:${e.comment}`] : []),
          ...(e.event !== undefined ? [`event: ${e.event}`] : []),
          ...e.data.map((d) => `data: ${d}`),
          '',
        ].join(eol) + eol,
      )
      .join('');
  }

  it('parses every random split of a valid stream to the same events as the whole stream (property)', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 12 }), (s, cuts) => {
        const bytes = utf8.encode(render(s));
        const expected = s.events.map((e) => ({ data: e.data.join('\n'), ...(e.event !== undefined ? { event: e.event } : {}) }));
        expect(parseChunks([bytes])).toEqual(expected);
        expect(parseChunks(splitAt(bytes, cuts))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('parses what encodeSse writes back to the same data (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue().filter((v) => typeof v === 'object' && v !== null), fc.string()), { maxLength: 5 }), (items) => {
        const text = items.map((i) => encodeSse(i as object | string)).join('');
        const data = parseText(text).map((e) => e.data);
        expect(data).toEqual(items.map((i) => (typeof i === 'string' ? i.replace(/\r\n|\r/g, '\n') : JSON.stringify(i))));
      }),
    );
  });
});
