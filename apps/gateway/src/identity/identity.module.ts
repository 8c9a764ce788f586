import { Module } from '@nestjs/common';
import { env, HelixConfig } from '@helix/config';
import { LOGGER, type Logger } from '@helix/telemetry';
import { CLOCK, systemClock, type Clock } from './clock.js';
import { IdentityCache } from './identity-cache.js';
import { IdentityVerifyController } from './identity-verify.controller.js';
import { IdentityRepository } from './identity.repository.js';
import { IdentityService } from './identity.service.js';
import { MASTER_KEY } from './identity.tokens.js';
import { JwtAuthenticator } from './jwt-authenticator.js';
import { loadMasterKey } from './master-key.js';

/**
 * Virtual keys: the master key, key lookups with their cache and cross-replica
 * eviction, and the `helix.identity.verify.v1` handler. Needs `GATEWAY_DATA_SOURCE`,
 * `BUS`, `HelixConfig` and `LOGGER` from the app.
 */
@Module({
  controllers: [IdentityVerifyController],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    {
      provide: IdentityCache,
      inject: [HelixConfig, CLOCK],
      useFactory: (config: HelixConfig, clock: Clock) => new IdentityCache(config.auth, clock),
    },
    {
      provide: MASTER_KEY,
      inject: [HelixConfig, LOGGER],
      useFactory: (config: HelixConfig, log: Logger) =>
        loadMasterKey({
          mode: config.mode,
          dataDir: config.dataDir,
          fromEnv: env('HELIX_MASTER_KEY'),
          baseUrl: `${config.http.tls ? 'https' : 'http'}://localhost:${config.http.port}`,
          log,
          print: (text) => process.stdout.write(`${text}\n`),
        }),
    },
    IdentityRepository,
    JwtAuthenticator,
    IdentityService,
  ],
  exports: [IdentityService, CLOCK],
})
export class IdentityModule {}
