import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Errors, type HelixError } from '@helix/contracts';

const ajv = new Ajv({ allErrors: false, strict: false, coerceTypes: false, useDefaults: false });

/** `/messages/0/role` → `messages[0].role`, the way OpenAI names a param. */
export function toParam(instancePath: string, missing?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function describe(e: ErrorObject, param: string): string {
  switch (e.keyword) {
    case 'required':
      return `Missing required parameter: '${param}'.`;
    case 'type':
      return `Invalid type for '${param}': expected ${(e.params as { type: string }).type}.`;
    case 'enum':
      return `Invalid value for '${param}': expected one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => `'${v}'`).join(', ')}.`;
    case 'anyOf':
      return `Invalid value for '${param}'.`;
    default:
      return `Invalid value for '${param}': ${e.message}.`;
  }
}

/** A compiled validator that throws an OpenAI-style 400 naming the bad param. */
export function compileValidator<T>(schema: object): (body: unknown) => T {
  const validate: ValidateFunction = ajv.compile(schema);
  return (body: unknown): T => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw Errors.badRequest('The request body must be a JSON object.', null);
    }
    if (validate(body)) return body as T;
    throw toError(validate.errors ?? []);
  };
}

function toError(errors: ErrorObject[]): HelixError {
  const e = errors.find((x) => x.keyword !== 'if') ?? errors[0]!;
  const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : undefined;
  const param = toParam(e.instancePath, missing);
  return Errors.badRequest(describe(e, param), param, missing ? 'missing_required_parameter' : 'invalid_value');
}
