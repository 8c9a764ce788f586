import { Errors } from '@helix/contracts';
import { compileValidator } from '../validation/validator.js';

/** An admin request body schema: a JSON object with known properties. */
export interface BodySchema {
  type: 'object';
  properties: Record<string, object>;
  required?: string[];
}

/**
 * A validator of an admin body: the schema's 400s name the bad field, and a field
 * the schema does not know is refused too (a typo such as `rmp` must not pass silently).
 */
export function adminBody<T>(schema: BodySchema): (body: unknown) => T {
  const validate = compileValidator<T>(schema);
  const known = new Set(Object.keys(schema.properties));
  return (body) => {
    const value = validate(body ?? {});
    const unknown = Object.keys(value as object).find((k) => !known.has(k));
    if (unknown) throw Errors.badRequest(`Unknown parameter: '${unknown}'.`, unknown, 'unknown_parameter');
    return value;
  };
}

export const name = { type: 'string', minLength: 1, maxLength: 200 };
export const id = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
export const perMinute = { type: ['integer', 'null'], minimum: 1, maximum: 1_000_000_000 };
