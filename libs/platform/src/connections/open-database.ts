import { EmbeddedPostgres, type DatabaseOptions } from '@helix/persistence';
import type { HelixConfig } from '@helix/config';
import { tlsOptions } from './tls.js';

/** Where the process's database is: Postgres from config, or PGlite started in `dataDir` (embedded). */
export interface OpenedDatabase {
  options: DatabaseOptions;
  close(): Promise<void>;
}

export async function openDatabase(config: HelixConfig): Promise<OpenedDatabase> {
  if (config.mode === 'embedded' && !config.database.url) {
    const pg = await EmbeddedPostgres.start({ dataDir: config.dataDir });
    return { options: { url: pg.url, poolSize: 1, applicationName: `helix-${config.service}` }, close: () => pg.stop() };
  }
  const ssl = tlsOptions(config.database.ssl);
  return {
    options: { url: config.database.url!, poolSize: config.database.poolSize, ssl, applicationName: `helix-${config.service}` },
    close: async () => {},
  };
}
