import { Errors } from '@helix/contracts';
import { isRecord } from './provider-error.js';

/** OpenAI `response_format`, provider-neutral: undefined for plain text. */
export type JsonFormat = { kind: 'json_object' } | { kind: 'json_schema'; name: string; schema: Record<string, unknown> };

export function jsonFormat(format: unknown): JsonFormat | undefined {
  if (format === undefined || format === null) return undefined;
  if (!isRecord(format)) throw Errors.badRequest('response_format must be an object.', 'response_format');
  if (format.type === 'text') return undefined;
  if (format.type === 'json_object') return { kind: 'json_object' };
  const spec = format.json_schema;
  if (format.type === 'json_schema' && isRecord(spec) && isRecord(spec.schema)) {
    return { kind: 'json_schema', name: typeof spec.name === 'string' ? spec.name : 'response', schema: spec.schema };
  }
  throw Errors.badRequest('response_format must be {"type":"text"}, {"type":"json_object"} or {"type":"json_schema","json_schema":{"schema":{...}}}.', 'response_format');
}
