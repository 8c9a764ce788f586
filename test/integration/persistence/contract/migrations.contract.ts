import { expect, it } from 'vitest';
import { runMigrationSets } from '@helix/persistence';
import type { ContractContext } from '../persistence.contract.js';
import { brokenSet, notesSet, probeSet } from '../fixtures/migration-sets.js';
import { upCalls } from '../fixtures/up-calls.js';

const widgets = 'CreateWidgets1767225600000';
const index = 'IndexWidgetNames1767225600001';
const notes = 'CreateNotes1767225600002';

export function migrationsContract(ctx: ContractContext): void {
  it('applies every set once, each in its own schema with its own migrations table; a second run applies nothing', async () => {
    const log: string[] = [];
    const first = await runMigrationSets(ctx.db(), [probeSet, notesSet], (m) => log.push(m));
    const second = await runMigrationSets(ctx.db(), [probeSet, notesSet], (m) => log.push(m));

    expect(first).toEqual([
      { schema: 'probe', applied: [widgets, index] },
      { schema: 'probe_notes', applied: [notes] },
    ]);
    expect(second).toEqual([
      { schema: 'probe', applied: [] },
      { schema: 'probe_notes', applied: [] },
    ]);
    expect(log).toEqual([
      `probe: applied ${widgets}, ${index}`,
      `probe_notes: applied ${notes}`,
      'probe: up to date',
      'probe_notes: up to date',
    ]);
    expect(Object.fromEntries(upCalls)).toEqual({ [widgets]: 1, [index]: 1, [notes]: 1 });
    const ds = await ctx.connect();
    const tables = await ds.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema LIKE 'probe%' ORDER BY 1, 2`,
    );
    expect(tables).toEqual([
      { schema: 'probe', name: 'migrations' },
      { schema: 'probe', name: 'widgets' },
      { schema: 'probe_notes', name: 'migrations' },
      { schema: 'probe_notes', name: 'notes' },
    ]);
  });

  it('two runs racing apply each migration exactly once', async () => {
    const runs = await Promise.all([1, 2].map(() => runMigrationSets(ctx.db(), [probeSet, notesSet])));

    expect(runs.flat().flatMap((r) => r.applied).sort()).toEqual([notes, widgets, index]);
    expect(Object.fromEntries(upCalls)).toEqual({ [widgets]: 1, [index]: 1, [notes]: 1 });
    const ds = await ctx.connect();
    expect(await ds.query('SELECT name FROM probe.migrations ORDER BY id')).toEqual([{ name: widgets }, { name: index }]);
  });

  it('a failing migration rolls back the whole run, schema included', async () => {
    await expect(runMigrationSets(ctx.db(), [brokenSet])).rejects.toThrow(/no_such_table/);
    const ds = await ctx.connect(notesSet);
    const missing = await ds.query(
      `SELECT to_regnamespace('probe') AS schema, to_regclass('probe.half_done') AS half, to_regclass('probe.widgets') AS widgets`,
    );
    expect(missing).toEqual([{ schema: null, half: null, widgets: null }]);

    await runMigrationSets(ctx.db(), [probeSet]);
    expect(await ds.query(`SELECT to_regclass('probe.widgets')::text AS widgets`)).toEqual([{ widgets: 'probe.widgets' }]);
  });
}
