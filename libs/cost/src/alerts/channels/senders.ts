import { createHmac } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { BudgetAlert } from '@helix/contracts';
import type { AlertChannel } from './alert-channel.js';
import { alertJson, alertTitle, emailText, slackMessage } from './alert-format.js';

/** Sends one alert to one channel; throws when it did not arrive. */
export type AlertSender = (channel: AlertChannel, alert: BudgetAlert) => Promise<void>;

/** Header of a webhook's signature: `t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (Stripe's scheme, so replays can be refused). */
export const SIGNATURE_HEADER = 'x-helix-signature';

export function signature(secret: string, timestampS: number, body: string): string {
  return `t=${timestampS},v1=${createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex')}`;
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, signal: AbortSignal.timeout(timeoutMs) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
}

/** Signed JSON POST. */
export const webhookSender = (timeoutMs: () => number, now: () => number = Date.now): AlertSender => async (channel, alert) => {
  const body = JSON.stringify(alertJson(alert));
  const t = Math.floor(now() / 1000);
  await post(channel.target, body, { [SIGNATURE_HEADER]: signature(channel.secret, t, body), 'x-helix-alert-id': alert.alertId }, timeoutMs());
};

/** Slack incoming webhook. */
export const slackSender = (timeoutMs: () => number): AlertSender => async (channel, alert) => {
  await post(channel.target, JSON.stringify(slackMessage(alert)), {}, timeoutMs());
};

/** Email over SMTP (nodemailer); one transport per SMTP URL. */
export function emailSender(smtp: () => { url?: string; from: string }): AlertSender {
  const transports = new Map<string, Transporter>();
  return async (channel, alert) => {
    const { url, from } = smtp();
    if (!url) throw new Error('no SMTP server is configured (cost.alerts.smtp.url)');
    const transport = transports.get(url) ?? transports.set(url, createTransport(url)).get(url)!;
    await transport.sendMail({ from, to: channel.target, subject: alertTitle(alert), text: emailText(alert), headers: { 'x-helix-alert-id': alert.alertId } });
  };
}
