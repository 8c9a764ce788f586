import * as monitoringV1 from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';

/** The model modules of every apiVersion the chart and k8s/ may render. */
const MODULES: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'batch/v1': batchV1,
  'autoscaling/v2': autoscalingV2,
  'policy/v1': policyV1,
  'networking.k8s.io/v1': networkingV1,
  'monitoring.coreos.com/v1': monitoringV1,
};

interface Reads {
  keys: Set<string>;
  enumerated: boolean;
}

/**
 * Problems of one object: the `kubernetes-models` schema errors (types, enums, required
 * fields) and every field the schema does not know. The compiled schemas accept unknown
 * fields, so the object is validated through a Proxy that records which properties the
 * validator reads at each level: a key it never read is not in the schema. A level the
 * validator enumerated (a map such as labels) or never looked into (a free-form object)
 * is not judged.
 */
export function validateObject(obj: { apiVersion?: unknown; kind?: unknown }): string[] {
  const model = (MODULES[String(obj.apiVersion)] ?? {})[String(obj.kind)] as { prototype: { validate(): void } } | undefined;
  if (!model) return [`no model for ${String(obj.apiVersion)} ${String(obj.kind)}`];
  const reads = new Map<object, Reads>();
  const problems: string[] = [];
  try {
    model.prototype.validate.call(track(obj, reads));
  } catch (error) {
    problems.push((error as Error).message);
  }
  walk(obj, '', reads, problems);
  return problems;
}

function track<T>(value: T, reads: Map<object, Reads>): T {
  if (value === null || typeof value !== 'object') return value;
  const entry = reads.get(value) ?? { keys: new Set<string>(), enumerated: false };
  reads.set(value, entry);
  return new Proxy(value, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !Array.isArray(target)) entry.keys.add(prop);
      return track(Reflect.get(target, prop, receiver), reads);
    },
    ownKeys(target) {
      entry.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function walk(value: unknown, path: string, reads: Map<object, Reads>, problems: string[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, reads, problems));
    return;
  }
  const entry = reads.get(value);
  for (const [key, child] of Object.entries(value)) {
    if (entry && entry.keys.size > 0 && !entry.enumerated && !entry.keys.has(key)) problems.push(`unknown field ${path}.${key}`);
    walk(child, `${path}.${key}`, reads, problems);
  }
}
