import { Controller, Get, Res } from '@nestjs/common';
import type { HttpReply } from '../http-reply.js';
import { HealthRegistry, type ReadinessReport } from './health.registry.js';

/** `GET /health/live` (the process answers) and `GET /health/ready` (200 or 503, with every check). */
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  @Get('live')
  live(): { status: 'ok' } {
    return this.health.live();
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: HttpReply): Promise<ReadinessReport> {
    const report = await this.health.ready();
    reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
