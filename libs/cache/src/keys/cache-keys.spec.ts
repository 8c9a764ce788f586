import { describe, expect, it } from 'vitest';
import { cacheKeys } from './cache-keys.js';
import { canonicalJson } from './canonical-json.js';

const input = (over: Partial<Parameters<typeof cacheKeys>[0]> = {}) => ({
  scope: 'team:o1/t1',
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
  it('ignore key order and default parameter values', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
    const a = cacheKeys(input({ params: { temperature: 1, n: 1, stream: true, user: 'u1' } }));
    const b = cacheKeys(input({ params: { max_tokens: undefined } }));
    expect(a.exactKey).toBe(b.exactKey);
    expect(cacheKeys(input({ params: { max_tokens: 50 } })).exactKey).toBe(cacheKeys(input({ params: { max_completion_tokens: 50 } })).exactKey);
  });

  it('change with anything that changes the answer', () => {
    const k = cacheKeys(input()).exactKey;
    expect(cacheKeys(input({ params: { temperature: 0 } })).exactKey).not.toBe(k);
    expect(cacheKeys(input({ params: { tools: [{ type: 'function', function: { name: 'f' } }] } })).exactKey).not.toBe(k);
    expect(cacheKeys(input({ scope: 'team:o1/t2' })).exactKey).not.toBe(k);
    expect(cacheKeys(input({ model: 'gpt-4o' })).exactKey).not.toBe(k);
    expect(cacheKeys(input({ namespace: 'docs' })).exactKey).not.toBe(k);
  });

  it('partition by context: same system prompt and history share one, a different system prompt does not', () => {
    const a = cacheKeys(input());
    const paraphrase = cacheKeys(input({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: "What's France's capital city?" }] }));
    const otherSystem = cacheKeys(input({ messages: [{ role: 'system', content: 'Answer in French.' }, { role: 'user', content: 'What is the capital of France?' }] }));
    expect(paraphrase.partitionKey).toBe(a.partitionKey);
    expect(paraphrase.exactKey).not.toBe(a.exactKey);
    expect(otherSystem.partitionKey).not.toBe(a.partitionKey);
    expect(a.queryText).toBe('What is the capital of France?');
  });
});
