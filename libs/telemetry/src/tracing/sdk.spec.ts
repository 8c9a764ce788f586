import { context, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { tracing } from '@opentelemetry/sdk-node';
import { describe, expect, it } from 'vitest';
import { samplerFor, tracesUrl } from './sdk.js';

const { SamplingDecision } = tracing;
const decide = (ratio: number, traceId: string, parent = ROOT_CONTEXT) => samplerFor(ratio).shouldSample(parent, traceId, 'span', SpanKind.SERVER, {}, []).decision;
const parentWith = (flags: TraceFlags) => trace.setSpanContext(context.active(), { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: flags, isRemote: true });
const ids = Array.from({ length: 400 }, (_, i) => (i + 1).toString(16).padStart(8, '0').repeat(4));

describe('samplerFor: ParentBased(TraceIdRatioBased(ratio))', () => {
  it('samples every root at 1 and none at 0', () => {
    expect(ids.every((id) => decide(1, id) === SamplingDecision.RECORD_AND_SAMPLED)).toBe(true);
    expect(ids.every((id) => decide(0, id) === SamplingDecision.NOT_RECORD)).toBe(true);
  });

  it('samples about the ratio of root spans', () => {
    const random = Array.from({ length: 2_000 }, () => crypto.randomUUID().replace(/-/g, ''));
    const sampled = random.filter((id) => decide(0.25, id) === SamplingDecision.RECORD_AND_SAMPLED).length;
    expect(sampled).toBeGreaterThan(350);
    expect(sampled).toBeLessThan(650);
  });

  it('follows a parent whatever the ratio: a sampled traceparent is kept at 0, an unsampled one dropped at 1', () => {
    expect(decide(0, 'c'.repeat(32), parentWith(TraceFlags.SAMPLED))).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(1, 'c'.repeat(32), parentWith(TraceFlags.NONE))).toBe(SamplingDecision.NOT_RECORD);
  });
});

describe('tracesUrl', () => {
  it('is <endpoint>/v1/traces unless a traces endpoint is given', () => {
    expect(tracesUrl({ endpoint: 'http://tempo:4318/' })).toBe('http://tempo:4318/v1/traces');
    expect(tracesUrl({ endpoint: 'http://tempo:4318', tracesEndpoint: 'https://x.example.com/otlp' })).toBe('https://x.example.com/otlp');
  });
});
