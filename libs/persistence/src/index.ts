export * from './database-options.js';
export * from './data-source.factory.js';
export * from './apply-migrations.js';
export * from './migration-runner.js';
export * from './database.health.js';
export * from './embedded-url.js';
export * from './embedded/embedded-postgres.js';
export { AtRestCipher, isSealed } from './crypto/at-rest-cipher.js';
export { atRestFromConfig, PLAIN_AT_REST, type AtRest } from './crypto/cipher-from-config.js';
