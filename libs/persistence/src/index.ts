export * from './database-options.js';
export * from './data-source.factory.js';
export * from './apply-migrations.js';
export * from './migration-runner.js';
export * from './database.health.js';
export * from './embedded-url.js';
export * from './embedded/embedded-postgres.js';
