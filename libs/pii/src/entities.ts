/** The entity types Helix detects, with Presidio's names where Presidio has one. */
export const Entities = {
  email: 'EMAIL_ADDRESS',
  phone: 'PHONE_NUMBER',
  creditCard: 'CREDIT_CARD',
  usSsn: 'US_SSN',
  iban: 'IBAN_CODE',
  ip: 'IP_ADDRESS',
  url: 'URL',
  mac: 'MAC_ADDRESS',
  crypto: 'CRYPTO',
  usDriverLicense: 'US_DRIVER_LICENSE',
  usPassport: 'US_PASSPORT',
  ukNhs: 'UK_NHS',
  dateTime: 'DATE_TIME',
  age: 'AGE',
  person: 'PERSON',
  location: 'LOCATION',
  organization: 'ORGANIZATION',
  nrp: 'NRP',
  apiKey: 'API_KEY',
  authToken: 'AUTH_TOKEN',
  jwt: 'JWT',
  privateKey: 'PRIVATE_KEY',
  connectionString: 'CONNECTION_STRING',
} as const;

export type EntityType = (typeof Entities)[keyof typeof Entities];

export const ALL_ENTITIES: readonly string[] = Object.values(Entities);
