import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';
import { base58Check, bech32 } from './checksums.js';

/** Bitcoin addresses whose checksum holds (Base58Check or bech32), and Ethereum addresses. */
export const cryptoRecognizer = () =>
  new PatternRecognizer({
    name: 'crypto',
    entity: Entities.crypto,
    patterns: [
      { name: 'btc', regex: /(?<![\w])(?:[13][a-km-zA-HJ-NP-Z1-9]{25,34}|bc1[a-z0-9]{8,87}|BC1[A-Z0-9]{8,87})(?![\w])/g, score: 1, gate: (_, ctx) => ctx.tokens.maxLength >= 11 },
      { name: 'eth', regex: /(?<![\w])0x[a-fA-F0-9]{40}(?![\w])/g, score: 0.5, gate: '0x' },
    ],
    context: ['wallet', 'btc', 'bitcoin', 'eth', 'ethereum', 'crypto', 'address', 'send'],
    validate: (value) => (value.startsWith('0x') ? true : /^bc1/i.test(value) ? bech32(value) : base58Check(value)),
  });
