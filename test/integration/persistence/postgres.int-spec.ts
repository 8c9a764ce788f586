import { describe } from 'vitest';
import { createTestDatabase } from '../../support/infra.js';
import { persistenceContract } from './persistence.contract.js';

describe('persistence on the Postgres server', () => {
  persistenceContract({
    sharedSession: false,
    async freshDatabase() {
      const db = await createTestDatabase();
      return { url: db.url, dispose: db.drop };
    },
  });
});
