// `node --import ./test/support/ts-loader.mjs script.ts` runs repo TypeScript (see ts-hooks.mjs).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
