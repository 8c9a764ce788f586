import { uuidv7 } from '@helix/contracts';

const SAFE_ID = /^[\w.:@/+=-]{1,128}$/;

/** Keeps a client's x-request-id as the correlation id when it is safe to echo; otherwise makes one. */
export function correlationId(inbound: string | string[] | undefined): string {
  const id = Array.isArray(inbound) ? inbound[0] : inbound;
  return id && SAFE_ID.test(id) ? id : uuidv7();
}
