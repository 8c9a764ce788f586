import { describe, expect, it } from 'vitest';
import { mockUpstreamConfig } from './mock-upstream.config.js';

const from = (vars: Record<string, string>) => (name: string) => vars[name];

describe('mockUpstreamConfig', () => {
  it('has loopback defaults', () => {
    expect(mockUpstreamConfig(from({}))).toEqual({ port: 8081, host: '127.0.0.1', latencyMs: 0, chunkDelayMs: 0, chunks: 5 });
  });

  it('reads the env', () => {
    expect(mockUpstreamConfig(from({ PORT: '9000', HOST: '::1', LATENCY_MS: '20', CHUNK_DELAY_MS: '5', CHUNKS: '8' }))).toEqual({
      port: 9000,
      host: '::1',
      latencyMs: 20,
      chunkDelayMs: 5,
      chunks: 8,
    });
  });

  it('reports every bad value at once', () => {
    expect(() => mockUpstreamConfig(from({ PORT: '70000', LATENCY_MS: 'slow', CHUNKS: '0' }))).toThrow(/PORT[\s\S]*LATENCY_MS[\s\S]*CHUNKS/);
  });
});
