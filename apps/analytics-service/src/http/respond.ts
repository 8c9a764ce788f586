import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Errors } from '@helix/contracts';
import { columnsOf, csvLine, toCsv } from './csv.js';

export type Format = 'json' | 'csv';

/** `format=json|csv` (default json); a 400 names the parameter. */
export function formatOf(raw: Record<string, unknown>): Format {
  const f = raw.format;
  if (f === undefined || f === '' || f === 'json') return 'json';
  if (f === 'csv') return 'csv';
  throw Errors.badRequest(`'format' takes json or csv; not '${String(f)}'.`, 'format');
}

const attachment = (name: string, ext: string) => `attachment; filename="helix-${name}-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.${ext}"`;

/** Sends a small table as the JSON envelope `{object, ...meta, data}`, or as a CSV download of its rows. */
export function sendTable(reply: FastifyReply, format: Format, name: string, meta: Record<string, unknown>, rows: readonly Record<string, unknown>[]): FastifyReply {
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(name, 'csv')).send(toCsv(rows));
  return reply.type('application/json').send({ object: `analytics.${name}`, ...meta, data: rows });
}

/**
 * Streams pages of rows as a JSON array or CSV, one page in memory at a time;
 * the socket's backpressure paces the reads. An error after the first byte
 * ends the response early (the body is then incomplete, never silently wrong).
 */
export function streamRows(reply: FastifyReply, format: Format, name: string, columns: readonly string[], pages: AsyncIterable<Record<string, unknown>[]>): FastifyReply {
  async function* body(): AsyncGenerator<string> {
    let first = true;
    if (format === 'csv') yield csvLine(columns);
    else yield '[';
    for await (const page of pages) {
      if (format === 'csv') {
        yield page.map((r) => csvLine(columns.map((c) => r[c]))).join('');
      } else if (page.length) {
        yield (first ? '' : ',') + page.map((r) => JSON.stringify(r)).join(',');
        first = false;
      }
    }
    if (format === 'json') yield ']';
  }
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json')
    .header('content-disposition', attachment(name, format))
    .send(Readable.from(body()));
}

export { columnsOf };
