import { configureTextEncoding, getTextEncoding } from '@bufbuild/protobuf/wire';

const encoder = new TextEncoder();
const SHORT = 64;

/**
 * UTF-8 bytes of `text`, as `TextEncoder.encode` makes them, but short ASCII strings (ids, model and
 * subject names: most of a bus message's strings) are copied byte by byte in JS, about seven times
 * faster than the native call, which costs about 0.6 µs per string on its own. Anything else goes to
 * the TextEncoder.
 */
export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  const n = text.length;
  if (n > SHORT) return encoder.encode(text) as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return encoder.encode(text) as Uint8Array<ArrayBuffer>;
    out[i] = c;
  }
  return out;
}

/** Makes protobuf-es encode strings with {@link encodeUtf8} in this process (its decoding is unchanged). */
export function useFastUtf8(): void {
  configureTextEncoding({ ...getTextEncoding(), encodeUtf8 });
}
