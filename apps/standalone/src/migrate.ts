import 'reflect-metadata';
import { loadConfigOrExit } from '@helix/config';
import { runMigrationSets } from '@helix/persistence';
import { openDatabase } from '@helix/platform';
import { migrationSets } from './migration-sets.js';

/**
 * `npm run migrate`: applies every service's pending migrations to the database
 * of the config (DATABASE_URL, or PGlite in dataDir in embedded mode). Idempotent,
 * and safe when several run at once (an advisory lock serialises them).
 */
const config = loadConfigOrExit({ service: 'standalone' });
const db = await openDatabase(config);
try {
  for (const r of await runMigrationSets(db.options, migrationSets, (msg) => console.log(msg))) {
    console.log(`${r.schema}: ${r.applied.length ? `applied ${r.applied.join(', ')}` : 'up to date'}`);
  }
} finally {
  await db.close();
}
