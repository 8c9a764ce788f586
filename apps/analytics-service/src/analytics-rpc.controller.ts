import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@helix/bus';
import { RpcSubjects, type UserDataEraseRequest, type UserDataExportRequest } from '@helix/contracts';
import type { DataSubject } from '@helix/analytics';
import type { AnalyticsCore } from './analytics-core.js';
import { ANALYTICS_CORE } from './analytics.tokens.js';

const subjectOf = (r: UserDataExportRequest | UserDataEraseRequest): DataSubject => ({
  userId: r.userId,
  keyIds: r.keyIds,
  scope: { orgId: r.scope?.orgId || undefined, teamId: r.scope?.teamId || undefined },
});

/** GDPR/CCPA requests the gateway's admin API forwards: a page of a user's records, or their erasure. */
@Controller()
@UseFilters(BusExceptionFilter)
export class AnalyticsRpcController {
  constructor(@Inject(ANALYTICS_CORE) private readonly core: AnalyticsCore) {}

  @MessagePattern(RpcSubjects.analyticsExport)
  async export(@Payload() req: UserDataExportRequest) {
    const page = await this.core.userData.exportPage(subjectOf(req), req.cursor || undefined, Math.min(req.limit || 500, 1_000));
    return { recordsJson: page.records.map((r) => JSON.stringify(r)), nextCursor: page.next ?? '' };
  }

  @MessagePattern(RpcSubjects.analyticsErase)
  async erase(@Payload() req: UserDataEraseRequest) {
    return { records: BigInt(await this.core.userData.erase(subjectOf(req), req.pseudonym)) };
  }
}
