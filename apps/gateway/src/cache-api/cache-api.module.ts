import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { CacheAdminClient } from './cache-admin.client.js';
import { CacheApiController } from './cache-api.controller.js';

/** `/v1/cache/*`: the cache-service's admin API, forwarded over the bus. */
@Module({
  imports: [AccessModule],
  controllers: [CacheApiController],
  providers: [CacheAdminClient],
})
export class CacheApiModule {}
