import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '@helix/persistence';
import type { TestDatabase } from './persistence.contract.js';

const newDir = () => mkdtempSync(join(tmpdir(), 'helix-pglite-'));
let template: Promise<string> | undefined;

/**
 * A data directory holding an empty, initialised database. PGlite's initdb takes seconds, so it runs once
 * per file into a template that each call copies.
 */
export async function freshDataDir(): Promise<{ path: string; remove(): void }> {
  template ??= (async () => {
    const dir = newDir();
    await (await EmbeddedPostgres.start({ dataDir: dir })).stop();
    return dir;
  })();
  const path = newDir();
  cpSync(join(await template, 'pg'), join(path, 'pg'), { recursive: true });
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Deletes the template made by `freshDataDir`. */
export async function removeDataDirTemplate(): Promise<void> {
  if (template) rmSync(await template, { recursive: true, force: true });
  template = undefined;
}

/** EmbeddedPostgres on a fresh data directory, stopped and deleted by `dispose()`. */
export async function embeddedTestDatabase(opts: { maxConnections?: number } = {}): Promise<TestDatabase & { pg: EmbeddedPostgres }> {
  const dir = await freshDataDir();
  const pg = await EmbeddedPostgres.start({ dataDir: dir.path, ...opts });
  return {
    pg,
    url: pg.url,
    async dispose() {
      await pg.stop();
      dir.remove();
    },
  };
}
