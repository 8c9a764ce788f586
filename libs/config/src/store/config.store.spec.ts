import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelixConfig } from '../schema/helix.config.js';
import type { ConfigLogger } from './config-logger.js';
import { ConfigStore } from './config.store.js';

let dir: string;
let file: string;
let store: ConfigStore;
const logs: { level: string; fields: object; message: string }[] = [];
const logger: ConfigLogger = {
  info: (fields, message) => logs.push({ level: 'info', fields, message }),
  warn: (fields, message) => logs.push({ level: 'warn', fields, message }),
  error: (fields, message) => logs.push({ level: 'error', fields, message }),
};
const writePort = (port: number) => writeFileSync(file, `http:\n  port: ${port}\n`);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'helix-store-'));
  file = join(dir, 'helix.yaml');
  writePort(9001);
  store = new ConfigStore({ path: file, env: {} });
  store.useLogger(logger);
  logs.length = 0;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ConfigStore', () => {
  it('swaps in a valid file change, refuses an invalid one and keeps serving the old config', async () => {
    const seen: [number, number][] = [];
    store.subscribe((next, prev) => seen.push([next.http.port, prev.http.port]));
    store.watch({ debounceMs: 20 });

    writeFileSync(join(dir, 'unrelated.txt'), 'noise');
    writePort(9002);
    await vi.waitFor(() => expect(store.current.http.port).toBe(9002), { timeout: 5_000 });
    expect(seen).toEqual([[9002, 9001]]);

    writePort(70_000);
    await vi.waitFor(() => expect(logs.some((l) => l.level === 'warn')).toBe(true), { timeout: 5_000 });
    expect(logs.find((l) => l.level === 'warn')?.fields).toMatchObject({
      issues: [{ path: 'http.port', message: 'must not be greater than 65535' }],
    });
    expect(store.current.http.port).toBe(9002);
    expect(seen).toHaveLength(1);

    writePort(9003);
    await vi.waitFor(() => expect(store.current.http.port).toBe(9003), { timeout: 5_000 });
    expect(seen).toEqual([
      [9002, 9001],
      [9003, 9002],
    ]);
  });

  it('reload() reports the issues of an invalid file and swaps one whole frozen object on a valid one', () => {
    const before = store.current;
    writePort(-1);
    expect(store.reload()).toEqual({ ok: false, issues: [{ path: 'http.port', message: 'must not be less than 0' }] });
    expect(store.current).toBe(before);

    writePort(9100);
    expect(store.reload()).toEqual({ ok: true });
    expect(store.current).not.toBe(before);
    expect(store.current.http.port).toBe(9100);
    expect(before.http.port).toBe(9001);
    expect(Object.isFrozen(store.current.http)).toBe(true);
  });

  it('reloads on SIGHUP', async () => {
    const listeners = process.listenerCount('SIGHUP');
    store.watch({ debounceMs: 60_000 });
    expect(process.listenerCount('SIGHUP')).toBe(listeners + 1);

    writePort(9200);
    await new Promise((r) => setTimeout(r, 50));
    expect(store.current.http.port).toBe(9001);

    process.kill(process.pid, 'SIGHUP');
    await vi.waitFor(() => expect(store.current.http.port).toBe(9200), { timeout: 5_000 });

    store.close();
    expect(process.listenerCount('SIGHUP')).toBe(listeners);
  });

  it('keeps notifying the other listeners when one throws, and stops notifying after unsubscribe', () => {
    const good: HelixConfig[] = [];
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = store.subscribe((next) => good.push(next));

    writePort(9300);
    expect(store.reload()).toEqual({ ok: true });
    expect(good.map((c) => c.http.port)).toEqual([9300]);
    expect(logs.find((l) => l.level === 'error')).toMatchObject({ message: 'config listener failed' });

    unsubscribe();
    writePort(9301);
    store.reload();
    expect(good).toHaveLength(1);
    expect(store.current.http.port).toBe(9301);
  });
});

describe('ConfigStore checks', () => {
  it('refuses at once a current config that fails a check, and later a reload that fails it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'helix-check-'));
    const path = join(dir, 'helix.yaml');
    writeFileSync(path, 'http:\n  port: 9001\n');
    const store = new ConfigStore({ path, env: {} });
    const noPort9999 = (c: { http: { port: number } }) => (c.http.port === 9999 ? [{ path: 'http.port', message: 'not 9999' }] : []);
    store.addCheck(noPort9999);
    writeFileSync(path, 'http:\n  port: 9999\n');
    expect(store.reload()).toMatchObject({ ok: false, issues: [{ path: 'http.port' }] });
    expect(store.current.http.port).toBe(9001);
    writeFileSync(path, 'http:\n  port: 9002\n');
    expect(store.reload()).toEqual({ ok: true });
    expect(store.current.http.port).toBe(9002);
    expect(() => store.addCheck(() => [{ path: 'x', message: 'always bad' }])).toThrow(/always bad/);
    rmSync(dir, { recursive: true, force: true });
  });
});
