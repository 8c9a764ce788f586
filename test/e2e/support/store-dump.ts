import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Every key under `prefix` with its value, whatever the type, as one text (binary values as latin1, byte for byte). */
export async function redisDump(url: string, prefix: string): Promise<{ keys: number; text: string }> {
  const redis = new Redis(url);
  try {
    const out: string[] = [];
    let cursor = '0';
    let keys = 0;
    do {
      const [next, batch] = await redis.scanBuffer(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next.toString();
      for (const raw of batch) {
        keys++;
        const k = raw.toString('latin1');
        const type = await redis.type(raw);
        const value =
          type === 'string' ? await redis.getBuffer(raw)
          : type === 'hash' ? await redis.hgetallBuffer(raw)
          : type === 'list' ? await redis.lrangeBuffer(raw, 0, -1)
          : type === 'set' ? await redis.smembersBuffer(raw)
          : type === 'zset' ? await redis.zrangeBuffer(raw, 0, -1, 'WITHSCORES')
          : type === 'stream' ? await redis.xrangeBuffer(raw, '-', '+')
          : null;
        out.push(k, latin1(value));
      }
    } while (cursor !== '0');
    return { keys, text: out.join('\n') };
  } finally {
    redis.disconnect();
  }
}

/** Buffers anywhere in a Redis reply, joined as latin1 text. */
function latin1(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (Array.isArray(value)) return value.map(latin1).join('\n');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}\n${latin1(v)}`).join('\n');
  return String(value);
}

/** Every row of every table of a database, every column as JSON text (bytea as \x hex, so its raw bytes are also given as latin1). */
export async function postgresDump(url: string): Promise<{ tables: number; rows: number; text: string }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ s: string; t: string }>(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const { s, t } of tables) {
      const res = await c.query<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM "${s}"."${t}" x`);
      parts.push(...res.rows.map((r) => r.r));
      const { rows: bytea } = await c.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND data_type = 'bytea'`, [s, t]);
      for (const { column_name } of bytea) {
        const raw = await c.query<{ b: Buffer | null }>(`SELECT "${column_name}" AS b FROM "${s}"."${t}"`);
        parts.push(...raw.rows.map((r) => r.b?.toString('latin1') ?? ''));
      }
    }
    return { tables: tables.length, rows: parts.length, text: parts.join('\n') };
  } finally {
    await c.end();
  }
}

/** Every message kept in the JetStream streams of a namespace: subject, headers and payload bytes. */
export async function jetstreamDump(natsUrl: string, namespace: string): Promise<{ streams: string[]; messages: number; bytes: Buffer }> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const streams: string[] = [];
    const parts: Buffer[] = [];
    for await (const info of jsm.streams.list()) {
      if (!(info.config.subjects ?? []).some((s) => s.startsWith(`${namespace}.`))) continue;
      streams.push(info.config.name);
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
        const m = await jsm.streams.getMessage(info.config.name, { seq }).catch(() => null);
        if (!m) continue;
        parts.push(Buffer.from(`${m.subject}\n${m.header ? JSON.stringify([...m.header]) : ''}\n`), Buffer.from(m.data));
      }
    }
    return { streams, messages: parts.length / 2, bytes: Buffer.concat(parts) };
  } finally {
    await nc.close();
  }
}
