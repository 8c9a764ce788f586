import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { BUS, type Bus, type Subscription } from '@helix/bus';
import { Errors, EventSubjects, uuidv7 } from '@helix/contracts';
import { LOGGER, type Logger } from '@helix/telemetry';
import { CLOCK, type Clock } from './clock.js';
import { IdentityCache } from './identity-cache.js';
import { changeFromWire, type IdentityChange } from './identity-change.js';
import type { Identity } from './identity.js';
import { authFailures } from './identity.metrics.js';
import { IdentityRepository } from './identity.repository.js';
import { JwtAuthenticator } from './jwt-authenticator.js';
import { MASTER_KEY } from './identity.tokens.js';
import { keySha256, sameSha256 } from './key-material.js';
import type { MasterKey } from './master-key.js';

/** Key id recorded for actions of the master key. */
export const MASTER_KEY_ID = 'master';

const masterIdentity: Identity = Object.freeze({
  keyId: MASTER_KEY_ID,
  userId: '',
  teamId: '',
  orgId: '',
  role: 'admin',
  models: null,
  expiresAt: null,
  keyLimits: {},
  teamLimits: {},
  master: true,
});

export type Resolution = { ok: true; identity: Identity } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Who holds a key: the one use case behind HTTP authentication and the bus's
 * `helix.identity.verify.v1`. Lookups are cached per replica; admin changes are
 * announced on `helix.events.identity.changed.v1`, and every replica evicts.
 */
@Injectable()
export class IdentityService implements OnModuleInit, OnModuleDestroy {
  private subscription?: Subscription;

  constructor(
    private readonly repository: IdentityRepository,
    private readonly cache: IdentityCache,
    @Inject(MASTER_KEY) private readonly master: MasterKey,
    @Inject(BUS) private readonly bus: Bus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
    private readonly jwt: JwtAuthenticator,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = await this.bus.subscribe(EventSubjects.identityChanged, (msg) => this.cache.evict(changeFromWire(msg)));
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.unsubscribe();
  }

  /**
   * The identity behind a presented key, or behind an SSO token when `auth.jwt`
   * is set; a 401 `invalid_api_key` when it is missing, unknown, revoked or expired.
   */
  async authenticate(key: string | undefined): Promise<Identity> {
    if (!key) {
      authFailures.inc({ reason: 'missing' });
      throw Errors.unauthorized();
    }
    if (this.jwt.accepts(key)) return this.jwt.authenticate(key);
    const sha256 = keySha256(key);
    if (this.isMaster(sha256)) return masterIdentity;
    const resolution = await this.lookup(sha256);
    if (resolution.ok) return resolution.identity;
    throw Errors.unauthorized(refusal(resolution.reason));
  }

  /** The identity behind a key's hex SHA-256 (the bus asks this way: keys never cross it). */
  async resolve(sha256: string): Promise<Resolution> {
    const hex = sha256.toLowerCase();
    if (!SHA256_HEX.test(hex)) return this.refuse('unknown');
    if (this.isMaster(hex)) return { ok: true, identity: masterIdentity };
    return this.lookup(hex);
  }

  /** After an admin change: evict here at once, then tell every replica. A bus failure is logged; the TTL bounds staleness. */
  async changed(change: IdentityChange): Promise<void> {
    this.cache.evict(change);
    try {
      await this.bus.publish(
        EventSubjects.identityChanged,
        { ...change, timestampMs: BigInt(this.clock.now()) },
        { msgId: uuidv7() },
      );
    } catch (err) {
      this.log.error({ err, change: { keyId: change.keyId, teamId: change.teamId, orgId: change.orgId } }, 'could not announce an identity change; other replicas keep it cached until the TTL');
    }
  }

  private isMaster(sha256: string): boolean {
    return this.master.sha256 !== null && sameSha256(sha256, this.master.sha256);
  }

  private async lookup(sha256: string): Promise<Resolution> {
    let found = this.cache.get(sha256);
    if (!found) {
      const epoch = this.cache.begin();
      found = await this.repository.findByDigest(sha256);
      this.cache.put(sha256, found, epoch);
    }
    if ('refused' in found) return this.refuse(found.refused);
    const { expiresAt } = found.identity;
    if (expiresAt !== null && expiresAt <= this.clock.now()) return this.refuse('expired');
    return { ok: true, identity: found.identity };
  }

  private refuse(reason: 'unknown' | 'revoked' | 'expired'): Resolution {
    authFailures.inc({ reason });
    return { ok: false, reason };
  }
}

function refusal(reason: 'unknown' | 'revoked' | 'expired'): string {
  if (reason === 'revoked') return 'This API key has been revoked.';
  if (reason === 'expired') return 'This API key has expired.';
  return 'Incorrect API key provided.';
}
