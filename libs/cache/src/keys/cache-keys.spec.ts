import { describe, expect, it } from 'vitest';
import { answerParams, cacheKeys } from './cache-keys.js';
import { canonicalJson } from './canonical-json.js';

const input = (over: Partial<Parameters<typeof cacheKeys>[0]> = {}) => ({
  scope: '',
  model: 'gpt-4o-mini',
  namespace: '',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'What is the capital of France?' },
  ],
  params: {},
  ...over,
});

describe('cache keys', () => {
  it('ignore key order at every level, and parameters left at their default', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    const a = cacheKeys(input({ params: { temperature: 1, top_p: 1, n: 1, presence_penalty: 0, logprobs: false, stream: true, user: 'u1' } }));
    const b = cacheKeys(input({ params: { max_tokens: undefined, seed: null } }));
    expect(a.exactKey).toBe(b.exactKey);
    const reordered = cacheKeys(input({ params: { response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { b: 1, a: 2 } } } } }));
    const ordered = cacheKeys(input({ params: { response_format: { json_schema: { schema: { a: 2, b: 1 }, name: 'x' }, type: 'json_schema' } } }));
    expect(reordered.exactKey).toBe(ordered.exactKey);
    expect(cacheKeys(input({ params: { max_tokens: 50 } })).exactKey).toBe(cacheKeys(input({ params: { max_completion_tokens: 50 } })).exactKey);
    expect(answerParams({ temperature: 0.2, stream: true, stream_options: { include_usage: true }, user: 'x' })).toEqual({ temperature: 0.2 });
  });

  it('change with anything that changes the answer', () => {
    const k = cacheKeys(input()).exactKey;
    const changed = [
      { params: { temperature: 0 } },
      { params: { top_p: 0.5 } },
      { params: { seed: 7 } },
      { params: { max_tokens: 10 } },
      { params: { stop: ['\n'] } },
      { params: { n: 2 } },
      { params: { logprobs: true } },
      { params: { tools: [{ type: 'function', function: { name: 'f' } }] } },
      { params: { tool_choice: 'required' } },
      { params: { response_format: { type: 'json_object' } } },
      { scope: 'team:o1/t2' },
      { model: 'gpt-4o' },
      { namespace: 'docs' },
      { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is the capital of Spain?' }] },
    ];
    const keys = changed.map((c) => cacheKeys(input(c)).exactKey);
    expect(new Set([k, ...keys]).size).toBe(changed.length + 1);
  });

  it('partition by context: same system prompt and history share one, a different system prompt does not', () => {
    const a = cacheKeys(input());
    const paraphrase = cacheKeys(input({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: "What's France's capital city?" }] }));
    const otherSystem = cacheKeys(input({ messages: [{ role: 'system', content: 'Answer in French.' }, { role: 'user', content: 'What is the capital of France?' }] }));
    const otherParams = cacheKeys(input({ params: { temperature: 0 } }));
    expect(paraphrase.partitionKey).toBe(a.partitionKey);
    expect(paraphrase.exactKey).not.toBe(a.exactKey);
    expect(otherSystem.partitionKey).not.toBe(a.partitionKey);
    expect(otherParams.partitionKey).not.toBe(a.partitionKey);
    expect(a.queryText).toBe('What is the capital of France?');
  });
});
