import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import {
  CacheHealthReplySchema,
  CacheHealthRequestSchema,
  CacheInvalidateReplySchema,
  CacheInvalidateRequestSchema,
  CacheLookupReplySchema,
  CacheLookupRequestSchema,
  CacheStatsReplySchema,
  CacheStatsRequestSchema,
  CacheStoreSchema,
  CacheWarmReplySchema,
  CacheWarmRequestSchema,
} from './gen/helix/v1/cache_pb.js';
import { BudgetAlertSchema, BudgetReserveReplySchema, BudgetReserveRequestSchema } from './gen/helix/v1/budget_pb.js';
import {
  AlertChannelCommandReplySchema,
  AlertChannelCommandSchema,
  BudgetCommandReplySchema,
  BudgetCommandSchema,
  SpendReplySchema,
  SpendReportReplySchema,
  SpendReportRequestSchema,
  SpendRequestSchema,
} from './gen/helix/v1/cost_pb.js';
import {
  IdentityChangedSchema,
  IdentityVerifyReplySchema,
  IdentityVerifyRequestSchema,
} from './gen/helix/v1/identity_pb.js';
import {
  PiiAnalyzeReplySchema,
  PiiAnalyzeRequestSchema,
  PiiAnonymizeReplySchema,
  PiiAnonymizeRequestSchema,
  PiiDetectedSchema,
  PiiRedactReplySchema,
  PiiRedactRequestSchema,
} from './gen/helix/v1/pii_pb.js';
import { UserDataEraseReplySchema, UserDataEraseRequestSchema, UserDataExportReplySchema, UserDataExportRequestSchema } from './gen/helix/v1/privacy_pb.js';
import { RequestCompletedSchema } from './gen/helix/v1/request_completed_pb.js';
import { EventSubjects, RpcSubjects, WorkSubjects } from './subjects.js';

/** The typed map from every request/reply subject to its request and reply schemas. */
export const rpcSchemas = {
  [RpcSubjects.piiRedact]: { request: PiiRedactRequestSchema, reply: PiiRedactReplySchema },
  [RpcSubjects.piiAnalyze]: { request: PiiAnalyzeRequestSchema, reply: PiiAnalyzeReplySchema },
  [RpcSubjects.piiAnonymize]: { request: PiiAnonymizeRequestSchema, reply: PiiAnonymizeReplySchema },
  [RpcSubjects.cacheLookup]: { request: CacheLookupRequestSchema, reply: CacheLookupReplySchema },
  [RpcSubjects.cacheStats]: { request: CacheStatsRequestSchema, reply: CacheStatsReplySchema },
  [RpcSubjects.cacheInvalidate]: { request: CacheInvalidateRequestSchema, reply: CacheInvalidateReplySchema },
  [RpcSubjects.cacheWarm]: { request: CacheWarmRequestSchema, reply: CacheWarmReplySchema },
  [RpcSubjects.cacheHealth]: { request: CacheHealthRequestSchema, reply: CacheHealthReplySchema },
  [RpcSubjects.costReserve]: { request: BudgetReserveRequestSchema, reply: BudgetReserveReplySchema },
  [RpcSubjects.costSpend]: { request: SpendRequestSchema, reply: SpendReplySchema },
  [RpcSubjects.costReport]: { request: SpendReportRequestSchema, reply: SpendReportReplySchema },
  [RpcSubjects.costBudgets]: { request: BudgetCommandSchema, reply: BudgetCommandReplySchema },
  [RpcSubjects.costChannels]: { request: AlertChannelCommandSchema, reply: AlertChannelCommandReplySchema },
  [RpcSubjects.identityVerify]: { request: IdentityVerifyRequestSchema, reply: IdentityVerifyReplySchema },
  [RpcSubjects.analyticsExport]: { request: UserDataExportRequestSchema, reply: UserDataExportReplySchema },
  [RpcSubjects.analyticsErase]: { request: UserDataEraseRequestSchema, reply: UserDataEraseReplySchema },
  [RpcSubjects.costExport]: { request: UserDataExportRequestSchema, reply: UserDataExportReplySchema },
  [RpcSubjects.costErase]: { request: UserDataEraseRequestSchema, reply: UserDataEraseReplySchema },
} as const satisfies Record<string, { request: DescMessage; reply: DescMessage }>;

/** The typed map from every work and event subject to its message schema. */
export const messageSchemas = {
  [WorkSubjects.cacheStore]: CacheStoreSchema,
  [EventSubjects.requestCompleted]: RequestCompletedSchema,
  [EventSubjects.piiDetected]: PiiDetectedSchema,
  [EventSubjects.budgetAlert]: BudgetAlertSchema,
  [EventSubjects.identityChanged]: IdentityChangedSchema,
} as const satisfies Record<string, DescMessage>;

export type RpcSubject = keyof typeof rpcSchemas;
export type RpcRequest<S extends RpcSubject> = MessageShape<(typeof rpcSchemas)[S]['request']>;
export type RpcReply<S extends RpcSubject> = MessageShape<(typeof rpcSchemas)[S]['reply']>;

export type MessageSubject = keyof typeof messageSchemas;
export type WorkSubject = (typeof WorkSubjects)[keyof typeof WorkSubjects];
export type EventSubject = (typeof EventSubjects)[keyof typeof EventSubjects];
export type SubjectMessage<S extends MessageSubject> = MessageShape<(typeof messageSchemas)[S]>;
