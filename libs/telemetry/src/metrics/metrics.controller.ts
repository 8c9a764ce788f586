import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { HelixConfig } from '@helix/config';
import type { HttpReply } from '../http-reply.js';
import { metrics } from './metrics.js';

/** `GET /metrics`: Prometheus text; 404 when `telemetry.metrics.enabled` is false. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly config: HelixConfig) {}

  @Get()
  async scrape(@Res({ passthrough: true }) reply: HttpReply): Promise<string> {
    if (!this.config.telemetry.metrics.enabled) throw new NotFoundException();
    const { contentType, body } = await metrics.render();
    reply.header('content-type', contentType);
    return body;
  }
}
