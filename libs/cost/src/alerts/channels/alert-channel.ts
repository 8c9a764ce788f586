export const CHANNEL_KINDS = ['webhook', 'slack', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Where an org's (or one team's) alerts go. */
export interface AlertChannel {
  id: string;
  orgId: string;
  /** Null = every alert of the org; else only that team's. */
  teamId: string | null;
  kind: ChannelKind;
  /** Webhook or Slack URL, or an email address. */
  target: string;
  /** HMAC-SHA256 key of a webhook's signature. */
  secret: string;
  /** Gets escalations instead of first alerts. */
  escalation: boolean;
  createdAt: number;
}
