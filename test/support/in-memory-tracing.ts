import { trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';

let exporter: tracing.InMemorySpanExporter | undefined;

/**
 * A tracer provider for this test process that keeps finished spans in memory
 * (registered globally once, with the async-hooks context manager and the W3C
 * propagator, as the SDK does in a service).
 */
export function inMemoryTracing(): tracing.InMemorySpanExporter {
  if (exporter) return exporter;
  exporter = new tracing.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
  provider.register();
  return exporter;
}

/** A root span's context for a test to run under. */
export const testTracer = () => trace.getTracer('test');
