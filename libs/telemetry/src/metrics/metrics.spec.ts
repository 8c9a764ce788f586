import { describe, expect, it } from 'vitest';
import { metrics, metricsRegistry } from './metrics.js';

describe('metrics', () => {
  it('returns the registered metric when asked again, so services sharing a process share it', () => {
    const first = metrics.counter('helix_test_requests_total', 'Requests.', ['model', 'status']);
    const again = metrics.counter('helix_test_requests_total', 'Requests.', ['status', 'model']);
    expect(again).toBe(first);
    expect(metrics.histogram('helix_test_latency_seconds', 'Latency.', ['model'])).toBe(
      metrics.histogram('helix_test_latency_seconds', 'Latency.', ['model'], [0.1, 1]),
    );
    expect(metrics.gauge('helix_test_inflight', 'In flight.')).toBe(metrics.gauge('helix_test_inflight', 'In flight.'));
  });

  it('refuses a name without helix_, and a name taken by another kind or other labels', () => {
    expect(() => metrics.counter('requests_total', 'No prefix.')).toThrow(/must start with "helix_"/);
    metrics.counter('helix_test_taken_total', 'Taken.', ['model']);
    expect(() => metrics.gauge('helix_test_taken_total', 'Taken.', ['model'])).toThrow(/already registered/);
    expect(() => metrics.counter('helix_test_taken_total', 'Taken.', ['team'])).toThrow(/already registered/);
    expect(metricsRegistry.getSingleMetric('requests_total')).toBeUndefined();
  });

  it("collects Node's default metrics once, under their standard names, beside Helix's", async () => {
    metrics.collectDefaults();
    metrics.collectDefaults();
    metrics.counter('helix_test_rendered_total', 'Rendered.').inc(3);
    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('helix_test_rendered_total 3');
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(body).not.toMatch(/helix_process_|helix_nodejs_/);
    expect(body.match(/^# TYPE process_cpu_user_seconds_total/gm)).toHaveLength(1);
  });
});
