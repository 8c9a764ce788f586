import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RedisSearchIndex } from './redis-search.index.js';
import { createIndexArgs, parseNumDocs, parseSearchReply, searchArgs, type Arg } from './redis-search.protocol.js';

const replies = JSON.parse(readFileSync(new URL('../../../../../test/fixtures/cache/redis-search/replies.json', import.meta.url), 'utf8'));

/** A Redis that answers each command with a recorded reply and keeps what it was sent. */
function recorder(answer: (args: Arg[]) => unknown) {
  const sent: Arg[][] = [];
  const call = async (...args: Arg[]) => {
    sent.push(args);
    const r = answer(args);
    if (r && typeof r === 'object' && 'error' in r) throw new Error(String((r as { error: string }).error));
    return r;
  };
  return { sent, call };
}

describe('Redis Query Engine protocol', () => {
  it('creates an HNSW cosine index over the vector hashes, with the partition as a TAG', () => {
    expect(createIndexArgs('idx', 'helix:', 384)).toEqual([
      'FT.CREATE', 'idx', 'ON', 'HASH', 'PREFIX', 1, 'helix:cache:vec:', 'SCHEMA', 'p', 'TAG', 'v', 'VECTOR', 'HNSW', 6, 'TYPE', 'FLOAT32', 'DIM', 384, 'DISTANCE_METRIC', 'COSINE',
    ]);
  });

  it('searches KNN inside one partition with the vector as a float32 parameter, dialect 2', () => {
    const args = searchArgs('idx', 'ab12', Int8Array.from([1, -2]), 4);
    expect(args.slice(0, 3)).toEqual(['FT.SEARCH', 'idx', '(@p:{ab12})=>[KNN 4 @v $q AS d]']);
    expect(args.slice(3, 6)).toEqual(['PARAMS', 2, 'q']);
    expect([...new Float32Array(new Uint8Array(args[6] as Buffer).buffer)]).toEqual([1, -2]);
    expect(args.slice(7)).toEqual(['SORTBY', 'd', 'ASC', 'RETURN', 3, 's', 'k', 'd', 'LIMIT', 0, 4, 'DIALECT', 2]);
  });

  it('parses recorded FT.SEARCH and FT.INFO replies', () => {
    expect(parseSearchReply(replies.ftSearchTwoHits)).toEqual([
      { scope: '0123456789abcdef', key: 'k-near', score: 1 - 0.0412363409996 },
      { scope: '0123456789abcdef', key: 'k-far', score: 1 - 0.287461340427 },
    ]);
    expect(parseSearchReply(replies.ftSearchNone)).toEqual([]);
    expect(parseNumDocs(replies.ftInfo)).toBe(1523);
  });

  it('the adapter: an existing index is fine, vectors expire with their entry, low scores are dropped, errors surface', async () => {
    const r = recorder((args) => (args[0] === 'FT.CREATE' ? replies.ftCreateExists : args[0] === 'FT.SEARCH' ? replies.ftSearchTwoHits : args[0] === 'FT.INFO' ? replies.ftInfo : 1));
    const index = new RedisSearchIndex(r.call, 'helix:', 'idx', 2);
    expect(index.ready()).toBe(false);
    await index.start();
    expect(index.ready()).toBe(true);
    await index.add({ scope: 's1', key: 'k1', partition: 'p1', embedder: 'e', expiresAtMs: 1_900_000_000_000, vector: Int8Array.from([3, 4]) });
    expect(r.sent[1]!.slice(0, 8)).toEqual(['HSET', 'helix:cache:vec:{s1}:k1', 'p', 'p1', 's', 's1', 'k', 'k1']);
    expect(r.sent[2]).toEqual(['PEXPIREAT', 'helix:cache:vec:{s1}:k1', 1_900_000_000_000]);
    expect((await index.search('p1', Int8Array.from([3, 4]), 4, 0.9)).map((h) => h.key)).toEqual(['k-near']);
    expect(await index.size()).toBe(1523);
    await index.remove([{ scope: 's1', key: 'k1' }]);
    expect(r.sent.at(-1)).toEqual(['DEL', 'helix:cache:vec:{s1}:k1']);
    const broken = new RedisSearchIndex(recorder(() => replies.ftSearchUnknownIndex).call, 'helix:', 'idx', 2);
    await expect(broken.start()).rejects.toThrow(/no such index/);
  });
});
