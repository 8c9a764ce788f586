/**
 * The one table between the dataset's canonical types (/work/shared/data/README.md)
 * and Helix's (Presidio's) entity names. `null` = Helix does not detect it: the
 * type is left out of both sides (gold spans dropped, and no prediction maps to it).
 */
export const LABEL_MAP: Record<string, string | null> = {
  PERSON: 'PERSON',
  LOCATION: 'LOCATION',
  ADDRESS: 'LOCATION',
  ORGANIZATION: 'ORGANIZATION',
  NRP: 'NRP',
  EMAIL: 'EMAIL_ADDRESS',
  PHONE: 'PHONE_NUMBER',
  CREDIT_CARD: 'CREDIT_CARD',
  SSN: 'US_SSN',
  IBAN: 'IBAN_CODE',
  IP_ADDRESS: 'IP_ADDRESS',
  URL: 'URL',
  DATE_TIME: 'DATE_TIME',
  AGE: 'AGE',
  US_DRIVER_LICENSE: 'US_DRIVER_LICENSE',
  MAC_ADDRESS: 'MAC_ADDRESS',
  CRYPTO_WALLET: 'CRYPTO',
  ZIP_CODE: 'LOCATION',
  API_KEY: 'API_KEY',
  AUTH_TOKEN: 'AUTH_TOKEN',
  JWT: 'JWT',
  PRIVATE_KEY: 'PRIVATE_KEY',
  CONNECTION_STRING: 'CONNECTION_STRING',
  TITLE: null,
};

/** Presidio's names for the same canonical types (its peer run maps through this). */
export const PRESIDIO_MAP: Record<string, string> = {
  PERSON: 'PERSON',
  LOCATION: 'LOCATION',
  NRP: 'NRP',
  ORGANIZATION: 'ORGANIZATION',
  EMAIL_ADDRESS: 'EMAIL_ADDRESS',
  PHONE_NUMBER: 'PHONE_NUMBER',
  CREDIT_CARD: 'CREDIT_CARD',
  US_SSN: 'US_SSN',
  IBAN_CODE: 'IBAN_CODE',
  IP_ADDRESS: 'IP_ADDRESS',
  URL: 'URL',
  DATE_TIME: 'DATE_TIME',
  US_DRIVER_LICENSE: 'US_DRIVER_LICENSE',
  MAC_ADDRESS: 'MAC_ADDRESS',
  CRYPTO: 'CRYPTO',
};

/** Types whose target is precision and recall ≥ 0.99 (email, phone, card, SSN, IBAN, IP, secrets). */
export const STRUCTURED = ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'US_SSN', 'IBAN_CODE', 'IP_ADDRESS', 'API_KEY', 'AUTH_TOKEN', 'JWT', 'PRIVATE_KEY', 'CONNECTION_STRING'];

/** Helix types that mean the same canonical type under span-level scoring (a street address is a LOCATION). */
export const helixType = (datasetType: string): string | null | undefined => LABEL_MAP[datasetType];
