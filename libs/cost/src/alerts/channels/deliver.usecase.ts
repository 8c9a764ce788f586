import { AlertKind, type BudgetAlert } from '@helix/contracts';
import type { AlertChannel, ChannelKind } from './alert-channel.js';
import type { PgChannelStore } from './pg.channel-store.js';
import type { AlertSender } from './senders.js';

export interface DeliveryObserver {
  delivered(kind: ChannelKind): void;
  failed(kind: ChannelKind, alert: BudgetAlert, err: unknown): void;
}

/**
 * Delivers one alert to its org's (and team's) channels: escalations to the
 * escalation channels, every other alert to the others. Each channel is tried
 * `attempts` times with backoff (1 s, 2 s, 4 s, ...); a channel that got it is
 * recorded, so a redelivered alert reaches only the channels that missed it.
 * Throws when a channel still failed, so the consumer redelivers the alert later.
 */
export class DeliverAlertUseCase {
  constructor(
    private readonly channels: Pick<PgChannelStore, 'forAlert' | 'delivered' | 'markDelivered'>,
    private readonly senders: Record<ChannelKind, AlertSender>,
    private readonly attempts: () => number,
    private readonly observer: DeliveryObserver,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async execute(alert: BudgetAlert): Promise<void> {
    const orgId = alert.tenant?.orgId ?? '';
    const targets = await this.channels.forAlert(orgId, alert.tenant?.teamId ?? '', alert.kind === AlertKind.ESCALATION);
    if (!targets.length) return;
    const done = await this.channels.delivered(alert.alertId);
    const results = await Promise.allSettled(targets.filter((c) => !done.has(c.id)).map((c) => this.send(c, alert)));
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length) throw new Error(`alert ${alert.alertId}: ${failed.length} channel(s) failed; redelivering later`);
  }

  private async send(channel: AlertChannel, alert: BudgetAlert): Promise<void> {
    const attempts = this.attempts();
    for (let i = 1; ; i++) {
      try {
        await this.senders[channel.kind](channel, alert);
        await this.channels.markDelivered(alert.alertId, channel.id);
        this.observer.delivered(channel.kind);
        return;
      } catch (err) {
        this.observer.failed(channel.kind, alert, err);
        if (i >= attempts) throw err;
        await this.sleep(1_000 * 2 ** (i - 1));
      }
    }
  }
}
