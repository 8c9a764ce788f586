import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { create, toBinary } from '@bufbuild/protobuf';
import { getTextEncoding } from '@bufbuild/protobuf/wire';
import { RequestCompletedSchema } from '@helix/contracts';
import { encodeUtf8 } from './codec-utf8.js';
import { decode } from './codec.js';

const reference = new TextEncoder();

describe('encodeUtf8', () => {
  it('makes the same bytes as TextEncoder for any string: ASCII, non-ASCII, lone surrogates, long', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), fc.string({ unit: 'binary', minLength: 60, maxLength: 80 })), (s) => {
        expect(encodeUtf8(s)).toEqual(reference.encode(s));
      }),
      { numRuns: 2_000 },
    );
    expect(encodeUtf8('')).toEqual(new Uint8Array(0));
    expect([...encodeUtf8('é')]).toEqual([0xc3, 0xa9]);
    expect([...encodeUtf8('\ud83d\ude00')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  });

  it('is what protobuf-es encodes strings with once the bus codec is loaded, and the messages decode back', () => {
    expect(getTextEncoding().encodeUtf8).toBe(encodeUtf8);
    const bytes = toBinary(RequestCompletedSchema, create(RequestCompletedSchema, { eventId: 'e-1', requestedModel: 'modèle-ü', endpoint: 'chat.completions' }));
    expect(decode(RequestCompletedSchema, bytes)).toMatchObject({ eventId: 'e-1', requestedModel: 'modèle-ü', endpoint: 'chat.completions' });
  });
});
