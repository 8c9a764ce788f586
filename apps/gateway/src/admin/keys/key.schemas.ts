import { ROLES, type Role } from '../../identity/identity.js';
import { adminBody, id, name, perMinute } from '../admin-body.js';

/** The settable fields of a key, as sent. */
export interface KeyPatch {
  name?: string | null;
  role?: Role;
  models?: string[] | null;
  rpm?: number | null;
  tpm?: number | null;
  /** Unix seconds; null = never expires. */
  expires_at?: number | null;
}

const properties = {
  name: { ...name, type: ['string', 'null'] },
  role: { enum: ROLES },
  models: { type: ['array', 'null'], items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
  rpm: perMinute,
  tpm: perMinute,
  expires_at: { type: ['integer', 'null'], minimum: 0 },
};

export const createKeyBody = adminBody<KeyPatch & { user_id: string; role: Role }>({
  type: 'object',
  properties: { user_id: id, ...properties },
  required: ['user_id', 'role'],
});

export const updateKeyBody = adminBody<KeyPatch>({ type: 'object', properties });
