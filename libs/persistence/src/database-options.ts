import type { MigrationInterface } from 'typeorm';

/** How to reach one Postgres database: a server, or the embedded PGlite of standalone mode. */
export interface DatabaseOptions {
  /** `postgres://user:pass@host:port/db`; an `EmbeddedPostgres.url` selects the embedded mode (see `isEmbeddedUrl`). */
  url: string;
  /** Connections in this DataSource's pool (default 10). Always 1 against the embedded server. */
  poolSize?: number;
  /** TLS for the connection: `true`, or `tls.connect` options. Ignored for the embedded server. */
  ssl?: boolean | object;
  /** Sent as `application_name`, shown in `pg_stat_activity`. */
  applicationName?: string;
  /** Log every SQL statement through TypeORM's logger (default false). */
  logging?: boolean;
}

/** A TypeORM migration class: SQL written by hand in `up`/`down`, named `<Name><13-digit timestamp>`. */
export type MigrationClass = new () => MigrationInterface;

/** A TypeORM entity class (decorated with `@Entity`). */
export type EntityClass = abstract new (...args: never[]) => object;

/** The tables one service owns: its Postgres schema, its migrations and its entities. */
export interface MigrationSet {
  /** Postgres schema owned by the service (DESIGN §5: `gateway`, `cost`, `analytics`); lower-case identifier. */
  schema: string;
  /** Migrations in the order they apply; listed explicitly, never loaded by glob. Their SQL names the schema. */
  migrations: MigrationClass[];
  /** Entities mapped in this schema. */
  entities: EntityClass[];
}
