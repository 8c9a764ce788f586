import { storeContract } from './store.contract.js';
import { redisStoreTarget } from './support/redis-store-target.js';

storeContract('redis', () => redisStoreTarget());
