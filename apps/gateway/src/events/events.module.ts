import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { BUS, type Bus } from '@helix/bus';
import { HelixConfig } from '@helix/config';
import { HealthRegistry, LOGGER, metrics, type Logger } from '@helix/telemetry';
import { DirectEventSink, EVENT_SINK, OutboxEventSink, type EventSink } from './event-sink.js';

class EventSinkLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_SINK) private readonly sink: EventSink) {}

  /** Flush what is still unacked before the process goes; what is left stays on disk. */
  async onApplicationShutdown(): Promise<void> {
    await this.sink.close(10_000);
  }
}

function observe(sink: EventSink, health: HealthRegistry): void {
  metrics.observedGauge('helix_outbox_pending_events', 'Events written but not yet acked by the stream.', () => sink.stats().pending);
  metrics.observedGauge('helix_outbox_bytes', 'Bytes of the event outbox on disk.', () => sink.stats().bytes);
  metrics.observedGauge('helix_outbox_full', '1 while the outbox is full and the gateway refuses requests.', () => (sink.stats().full ? 1 : 0));
  metrics.observedGauge('helix_outbox_replaying', '1 while the outbox replays events the stream missed.', () => (sink.stats().mode === 'replay' ? 1 : 0));
  health.register('events', async () => {
    const s = sink.stats();
    return { ok: !s.full, detail: `${s.pending} pending, ${s.mode}${s.full ? ', FULL' : ''}` };
  });
}

/** Where completed events go: the on-disk outbox to JetStream (distributed), or the journaled in-process bus (embedded). */
@Module({
  providers: [
    {
      provide: EVENT_SINK,
      inject: [BUS, HelixConfig, LOGGER, HealthRegistry],
      useFactory: (bus: Bus, config: HelixConfig, log: Logger, health: HealthRegistry): EventSink => {
        const onError = (err: unknown) => log.warn({ err }, 'event publish failed; the outbox keeps it');
        const o = config.events.outbox;
        const sink =
          config.mode === 'embedded'
            ? new DirectEventSink(bus, (err) => log.error({ err }, 'event publish failed'))
            : new OutboxEventSink(bus, { dir: join(config.dataDir, 'outbox'), maxBytes: o.maxBytes, segmentBytes: o.segmentBytes, fsyncIntervalMs: o.fsyncIntervalMs, onError });
        observe(sink, health);
        return sink;
      },
    },
    EventSinkLifecycle,
  ],
  exports: [EVENT_SINK],
})
export class EventsModule {}
