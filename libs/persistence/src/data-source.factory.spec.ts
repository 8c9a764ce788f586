import { describe, expect, it } from 'vitest';
import { dataSourceOptions } from './data-source.factory.js';
import { embeddedUrl } from './embedded-url.js';

const set = { schema: 'cost', migrations: [], entities: [] };

describe('dataSourceOptions', () => {
  it('puts the set in its own schema, without synchronize, migrating in one transaction', () => {
    expect(dataSourceOptions({ url: 'postgres://h/db' }, set)).toMatchObject({
      type: 'postgres',
      schema: 'cost',
      migrationsTableName: 'migrations',
      migrationsTransactionMode: 'all',
      synchronize: false,
      poolSize: 10,
      logging: false,
    });
  });

  it('passes pool size, TLS and application name to a server', () => {
    const options = dataSourceOptions({ url: 'postgres://h/db', poolSize: 4, ssl: { rejectUnauthorized: true }, applicationName: 'cost' }, set);
    expect(options).toMatchObject({ poolSize: 4, ssl: { rejectUnauthorized: true }, applicationName: 'cost' });
  });

  it('uses one connection and no TLS against the embedded server', () => {
    expect(dataSourceOptions({ url: embeddedUrl(6000), poolSize: 4, ssl: true }, set)).toMatchObject({ poolSize: 1, ssl: false });
  });

  it('rejects a schema name that is not a plain identifier', () => {
    expect(() => dataSourceOptions({ url: 'postgres://h/db' }, { ...set, schema: 'Cost' })).toThrow(/invalid schema name/);
  });
});
