import { Inject, Injectable } from '@nestjs/common';
import { BUS, type Bus } from '@helix/bus';
import { ErrorCodes, Errors, RpcSubjects } from '@helix/contracts';
import type { Scope } from '../admin/tenancy.js';

/** The services that hold a user's records besides the gateway, by their export and erase subjects. */
const HOLDERS = {
  cost: { exportSubject: RpcSubjects.costExport, eraseSubject: RpcSubjects.costErase },
  analytics: { exportSubject: RpcSubjects.analyticsExport, eraseSubject: RpcSubjects.analyticsErase },
} as const;
export type Holder = keyof typeof HOLDERS;
export const HOLDER_NAMES = Object.keys(HOLDERS) as Holder[];

export interface DataSubject {
  userId: string;
  keyIds: string[];
  scope: Scope;
}

const TIMEOUT_MS = 30_000;

/** The gateway's line to the cost- and analytics-services for GDPR/CCPA requests; a service that does not answer is a 503. */
@Injectable()
export class UserDataClients {
  constructor(@Inject(BUS) private readonly bus: Bus) {}

  /** Every record `holder` keeps about the subject, page by page (each a parsed JSON object). */
  async *records(holder: Holder, s: DataSubject): AsyncGenerator<Record<string, unknown>[]> {
    let cursor = '';
    do {
      const page = await this.call(holder, () => this.bus.request(HOLDERS[holder].exportSubject, { userId: s.userId, keyIds: s.keyIds, scope: s.scope, cursor, limit: 1_000 }, { timeoutMs: TIMEOUT_MS }));
      yield page.recordsJson.map((r) => JSON.parse(r) as Record<string, unknown>);
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** Pseudonymises the subject's records in `holder`; returns how many changed. */
  async erase(holder: Holder, s: DataSubject, pseudonym: string): Promise<number> {
    const reply = await this.call(holder, () => this.bus.request(HOLDERS[holder].eraseSubject, { userId: s.userId, keyIds: s.keyIds, scope: s.scope, pseudonym }, { timeoutMs: TIMEOUT_MS }));
    return Number(reply.records);
  }

  private async call<T>(holder: Holder, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch {
      throw Errors.unavailable(`The ${holder}-service did not answer; nothing was lost, retry the request.`, ErrorCodes.busUnavailable);
    }
  }
}
