import { SetMetadata, type Type } from '@nestjs/common';
import type { Role } from '../identity/identity.js';

/**
 * Metadata keys read by the global `AccessGuard`. Plain strings, so a controller
 * that cannot import this file (another app composed into the standalone process)
 * can still set them with `SetMetadata('helix:roles', [...])`.
 */
export const ROLES_METADATA = 'helix:roles';
export const PUBLIC_METADATA = 'helix:public';

/** The roles that may call a route (on a handler, or on a controller for all its handlers). The master key counts as `admin`. */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ROLES_METADATA, roles);

/** A route anyone may call without a key (health, metrics). */
export const Public = () => SetMetadata(PUBLIC_METADATA, true);

/** Marks controllers defined elsewhere (e.g. `@helix/telemetry`'s health and metrics) as public. */
export function markPublic(...controllers: Type[]): void {
  for (const controller of controllers) Reflect.defineMetadata(PUBLIC_METADATA, true, controller);
}
