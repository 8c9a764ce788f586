/** DI token of the gateway's TypeORM `DataSource` on the `gateway` schema (see `gatewayMigrationSet`). */
export const GATEWAY_DATA_SOURCE = Symbol('GATEWAY_DATA_SOURCE');

/** DI token of the master key ({@link MasterKey}). */
export const MASTER_KEY = Symbol('MASTER_KEY');
