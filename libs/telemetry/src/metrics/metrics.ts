import { collectDefaultMetrics, Counter, Gauge, Histogram, register, type Registry } from 'prom-client';

/** Every Helix metric name starts with this (DESIGN §7); Node's own metrics keep their standard names. */
export const METRIC_PREFIX = 'helix_';

/** The one registry of the process: in the standalone process all five services share it. */
export const metricsRegistry: Registry = register;

type MetricClass = typeof Counter | typeof Gauge | typeof Histogram;

/**
 * The metric already registered under `name`, or a new one from `create`. A name
 * without the `helix_` prefix, or one already taken by another kind of metric or
 * other labels, is a programming error and throws.
 */
function getOrCreate<M>(kind: MetricClass, name: string, labelNames: readonly string[], create: () => M): M {
  if (!name.startsWith(METRIC_PREFIX)) throw new Error(`metric "${name}" must start with "${METRIC_PREFIX}"`);
  const existing = metricsRegistry.getSingleMetric(name);
  if (!existing) return create();
  const existingLabels = (existing as unknown as { labelNames: string[] }).labelNames ?? [];
  if (!(existing instanceof kind) || [...existingLabels].sort().join() !== [...labelNames].sort().join()) {
    throw new Error(`metric "${name}" is already registered as another kind or with labels [${existingLabels}]`);
  }
  return existing as M;
}

/** Metric helpers that return the registered metric when called again with the same name. */
export const metrics = {
  counter<L extends string = string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return getOrCreate(Counter, name, labelNames, () => new Counter({ name, help, labelNames }));
  },

  gauge<L extends string = string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return getOrCreate(Gauge, name, labelNames, () => new Gauge({ name, help, labelNames }));
  },

  /** A label-less gauge read at scrape time, so it is never stale. Registered once per name; `read` of the first call wins. */
  observedGauge(name: string, help: string, read: () => number): Gauge {
    return getOrCreate(Gauge, name, [], () => new Gauge({ name, help, collect() { this.set(read()); } }));
  },

  /** A labelled gauge whose series are all read at scrape time (`read` returns every label set and its value). */
  observedGauges<L extends string>(name: string, help: string, labelNames: readonly L[], read: () => Iterable<[Partial<Record<L, string>>, number]>): Gauge<L> {
    return getOrCreate(Gauge, name, labelNames, () =>
      new Gauge<L>({
        name,
        help,
        labelNames,
        collect() {
          this.reset();
          for (const [labels, value] of read()) this.set(labels, value);
        },
      }),
    );
  },

  /** Seconds-based by default (prom-client's default buckets); pass `buckets` for other units. */
  histogram<L extends string = string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    buckets?: number[],
  ): Histogram<L> {
    return getOrCreate(Histogram, name, labelNames, () => new Histogram({ name, help, labelNames, ...(buckets && { buckets }) }));
  },

  /** Node's default metrics (`process_*`, `nodejs_*`), once per process however often it is called. */
  collectDefaults(): void {
    if (!metricsRegistry.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics({ register: metricsRegistry });
  },

  /** The Prometheus text exposition of every metric, and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
  },
};
