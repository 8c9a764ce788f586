import type { Tenant } from '@helix/contracts';

/** Who a stored row belongs to; empty ids where the event had none (unauthenticated requests). */
export interface TenantIds {
  orgId: string;
  teamId: string;
  userId: string;
  keyId: string;
}

export const tenantIds = (t: Tenant | undefined): TenantIds => ({ orgId: t?.orgId ?? '', teamId: t?.teamId ?? '', userId: t?.userId ?? '', keyId: t?.keyId ?? '' });
