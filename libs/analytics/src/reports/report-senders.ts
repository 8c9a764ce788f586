import { createTransport, type Transporter } from 'nodemailer';
import { summaryText, type UsageSummary } from './usage-summary.js';

/** Delivers one summary somewhere; throws when it did not arrive. */
export interface ReportSenders {
  email(to: readonly string[], summary: UsageSummary): Promise<void>;
  webhook(url: string, summary: UsageSummary): Promise<void>;
}

/** Email over SMTP (nodemailer, one transport per URL) and JSON POSTs to webhooks. */
export function reportSenders(smtp: () => { url?: string; from: string }, timeoutMs: () => number): ReportSenders {
  const transports = new Map<string, Transporter>();
  return {
    async email(to, summary) {
      const { url, from } = smtp();
      if (!url) throw new Error('no SMTP server is configured (analytics.reports.smtp.url)');
      const transport = transports.get(url) ?? transports.set(url, createTransport(url)).get(url)!;
      await transport.sendMail({
        from,
        to: [...to],
        subject: `Helix ${summary.schedule} usage report: ${summary.report} (${summary.from.slice(0, 10)})`,
        text: summaryText(summary),
        attachments: [{ filename: `${summary.report}-${summary.from.slice(0, 10)}.json`, content: JSON.stringify(summary, null, 2), contentType: 'application/json' }],
      });
    },
    async webhook(url, summary) {
      const res = await fetch(url, { method: 'POST', body: JSON.stringify(summary), headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(timeoutMs()) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    },
  };
}
