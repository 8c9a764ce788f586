import { describe, expect, it } from 'vitest';
import { ReadyForQueryWatcher } from './ready-for-query.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));
const commandComplete = bytes('C', [0, 0, 0, 13], 'SELECT 1\0');
const ready = (status: string) => bytes('Z', [0, 0, 0, 5], status);

describe('ReadyForQueryWatcher', () => {
  it('reads the status of the ReadyForQuery that ends a response', () => {
    for (const status of ['I', 'T', 'E']) {
      const watcher = new ReadyForQueryWatcher();
      watcher.push(Uint8Array.from([...commandComplete, ...ready(status)]));
      expect(watcher.status()).toBe(status);
    }
  });

  it('finds it when it is split across chunks', () => {
    const watcher = new ReadyForQueryWatcher();
    const all = [...commandComplete, ...ready('I')];
    for (const byte of all) watcher.push(Uint8Array.of(byte));
    expect(watcher.status()).toBe('I');
  });

  it('reports nothing for a response that does not end with ReadyForQuery', () => {
    const watcher = new ReadyForQueryWatcher();
    expect(watcher.status()).toBeUndefined();
    watcher.push(commandComplete);
    expect(watcher.status()).toBeUndefined();
    watcher.push(ready('T'));
    watcher.push(bytes('1', [0, 0, 0, 4]));
    expect(watcher.status()).toBeUndefined();
  });
});
