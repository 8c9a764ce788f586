import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

export const streamDefaults = { maxAgeMs: 7 * 24 * 3_600_000, duplicateWindowMs: 120_000 };

export interface StreamSpec {
  name: string;
  subjects: string[];
  maxAgeMs: number;
  duplicateWindowMs: number;
  maxMsgSize: number;
  replicas: number;
}

export interface ConsumerSpec {
  durable: string;
  filter: string;
  ackWaitMs: number;
  maxDeliver: number;
  maxAckPending: number;
}

export const isNotFound = (err: unknown, code: number): boolean => err instanceof JetStreamApiError && err.code === code;
export const isStreamNotFound = (err: unknown): boolean => isNotFound(err, STREAM_NOT_FOUND);

/** Creates the stream, or updates it when its config differs; safe to run from every replica at start. */
export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
  const cfg: Partial<StreamConfig> & { name: string } = {
    name: spec.name,
    subjects: spec.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(spec.maxAgeMs),
    duplicate_window: nanos(spec.duplicateWindowMs),
    max_msg_size: spec.maxMsgSize,
    num_replicas: spec.replicas,
  };
  const current = await jsm.streams.info(spec.name).catch((err: unknown) => {
    if (isStreamNotFound(err)) return undefined;
    throw err;
  });
  if (!current) {
    try {
      await jsm.streams.add(cfg);
      return;
    } catch (err) {
      if (!(await jsm.streams.info(spec.name).catch(() => undefined))) throw err;
    }
    await jsm.streams.update(spec.name, cfg);
    return;
  }
  const c = current.config;
  const same =
    c.subjects.join(',') === spec.subjects.join(',') &&
    c.max_age === cfg.max_age &&
    c.duplicate_window === cfg.duplicate_window &&
    c.max_msg_size === cfg.max_msg_size;
  if (!same) await jsm.streams.update(spec.name, cfg);
}

/** Creates the durable pull consumer, or updates it when its config differs. */
export async function ensureConsumer(jsm: JetStreamManager, stream: string, spec: ConsumerSpec): Promise<void> {
  const cfg: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filter,
    ack_wait: nanos(spec.ackWaitMs),
    max_deliver: spec.maxDeliver,
    max_ack_pending: spec.maxAckPending,
  };
  const current = await jsm.consumers.info(stream, spec.durable).catch((err: unknown) => {
    if (isNotFound(err, CONSUMER_NOT_FOUND)) return undefined;
    throw err;
  });
  if (!current) {
    try {
      await jsm.consumers.add(stream, cfg);
      return;
    } catch (err) {
      if (!(await jsm.consumers.info(stream, spec.durable).catch(() => undefined))) throw err;
    }
  }
  const c = current?.config;
  const same =
    c &&
    c.filter_subject === cfg.filter_subject &&
    c.ack_wait === cfg.ack_wait &&
    c.max_deliver === cfg.max_deliver &&
    c.max_ack_pending === cfg.max_ack_pending;
  if (!same) {
    const { durable_name: _d, ack_policy: _a, deliver_policy: _p, ...changeable } = cfg;
    await jsm.consumers.update(stream, spec.durable, changeable);
  }
}
