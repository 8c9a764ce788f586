import { create } from '@bufbuild/protobuf';
import { BusHeaders, TenantSchema, type Tenant } from '@helix/contracts';
import type { RequestState } from '../pipeline/request-state.js';

export function tenantOf(state: RequestState): Tenant {
  const id = state.identity!;
  return create(TenantSchema, { orgId: id.orgId, teamId: id.teamId, userId: id.userId, keyId: id.keyId });
}

/** Headers of a bus call made for a request: its correlation id (trace context comes from the bus). */
export const busHeaders = (state: RequestState): Record<string, string> => ({ [BusHeaders.correlationId]: state.correlationId });
