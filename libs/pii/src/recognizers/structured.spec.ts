import { PiiConfig } from '@helix/config';
import { describe, expect, it } from 'vitest';
import { buildAnalyzer } from './registry.js';

const analyzer = buildAnalyzer(new PiiConfig());
const found = (text: string) => analyzer.analyze(text).map((f) => [f.entityType, text.slice(f.start, f.end)]);
const types = (text: string) => found(text).map(([t]) => t);

describe('structured recognizers', () => {
  it.each([
    ['mail me at ada.lovelace+x@example.co.uk today', 'EMAIL_ADDRESS', 'ada.lovelace+x@example.co.uk'],
    ['call +44 20 7946 0958 now', 'PHONE_NUMBER', '+44 20 7946 0958'],
    ['my phone number is (415) 555-2671', 'PHONE_NUMBER', '(415) 555-2671'],
    ['card 4111 1111 1111 1111 exp 12/29', 'CREDIT_CARD', '4111 1111 1111 1111'],
    ['my ssn is 536-22-8726', 'US_SSN', '536-22-8726'],
    ['IBAN GB82 WEST 1234 5698 7654 32 please', 'IBAN_CODE', 'GB82 WEST 1234 5698 7654 32'],
    ['server 10.20.30.40 is down', 'IP_ADDRESS', '10.20.30.40'],
    ['v6 2001:db8:85a3::8a2e:370:7334 ok', 'IP_ADDRESS', '2001:db8:85a3::8a2e:370:7334'],
    ['see https://www.example.org/a?b=c.', 'URL', 'https://www.example.org/a?b=c'],
    ['nic 00:1A:2B:3C:4D:5E', 'MAC_ADDRESS', '00:1A:2B:3C:4D:5E'],
    ['send to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 'CRYPTO', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT'],
    ['nhs number 943 476 5919', 'UK_NHS', '943 476 5919'],
    ["driver's license number is F1628235", 'US_DRIVER_LICENSE', 'F1628235'],
    ['passport number 912803456', 'US_PASSPORT', '912803456'],
    ['I was born on 12/03/1985 in', 'DATE_TIME', '12/03/1985'],
    ['admitted 2024-03-15T14:30:00.123Z', 'DATE_TIME', '2024-03-15T14:30:00.123Z'],
    ['the meeting on 5-MAY-2021', 'DATE_TIME', '5-MAY-2021'],
    ['a 65-year-old patient', 'AGE', '65'],
  ])('%s → %s', (text, type, value) => {
    expect(found(text)).toContainEqual([type, value]);
  });

  it.each([
    ['version numbers', 'upgrade to 2.10.0 or 10.2.3.4-beta and node 20.19.1'],
    ['order ids', 'order #A-20240611-0042 and ticket 4521 shipped'],
    ['uuids', 'request 123e4567-e89b-12d3-a456-426614174000 failed'],
    ['git shas', 'fixed in commit 9d3feed1a2b3c4d5e6f708192a3b4c5d6e7f8091'],
    ['Luhn-failing card numbers', 'card 4111 1111 1111 1112 was rejected'],
    ['years and partial dates without a personal context', 'released in 2019, updated May 2024, due 21-May'],
    ['product names and sizes', 'the model runs at 16kHz with a 4096-token window on 8 GPUs'],
    ['bad IBAN checksums', 'GB82 WEST 1234 5698 7654 33'],
    ['malformed IPs', '999.1.1.1 and 1.2.3'],
    ['invalid SSNs', 'ssn 000-12-3456 or 666-12-3456'],
  ])('no structured finding in %s', (_, text) => {
    expect(types(text).filter((t) => !['PERSON', 'LOCATION', 'ORGANIZATION', 'NRP', 'URL'].includes(t))).toEqual([]);
  });
});

describe('secret recognizers', () => {
  const jwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"42"}').toString('base64url')}.c2lnbmF0dXJl`;
  it.each([
    ['ghp_aBcD1234EfGh5678IjKl9012MnOp3456QrSt', 'API_KEY'],
    ['sk_live_51HxKq2Lz8PqRsT3uV4wX5yZ6aB7cD8eF', 'API_KEY'],
    ['glpat-Zq8xR2mK7pL4vN9sT3wY', 'API_KEY'],
    ['AKIAQ3EGVW7XMPLR4B5K', 'API_KEY'],
    [jwt, 'JWT'],
    ['postgres://app:s3cr3tPa55@db.internal:5432/main', 'CONNECTION_STRING'],
    ['8f3kQ9zLm2Xp7Vt4Rn6Wd1Yb', 'AUTH_TOKEN'],
  ])('%s is %s', (value, type) => {
    expect(found(`use ${type === 'AUTH_TOKEN' ? `Authorization: Bearer ${value}` : value} here`)).toContainEqual([type, value]);
  });

  it('finds a PEM private key, also inside a JSON string, but not a placeholder one', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvuNMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s';
    const pem = `-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----`;
    expect(types(`{"private_key":"${pem}"}`)).toContain('PRIVATE_KEY');
    expect(types('-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----')).not.toContain('PRIVATE_KEY');
  });

  it('finds a private key whose END line is cut short or missing, and an unsigned two-part JWT', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvD';
    expect(types(`key: -----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY----`)).toContain('PRIVATE_KEY');
    expect(types(`pasted: -----BEGIN RSA PRIVATE KEY-----\n${body}\n${body.slice(0, 40)}`)).toContain('PRIVATE_KEY');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"42"}').toString('base64url')}`;
    expect(found(`token ${unsigned} here`)).toContainEqual(['JWT', unsigned]);
    expect(types(`${Buffer.from('{"alg":"none"}').toString('base64url')}.bm90IGpzb24`)).not.toContain('JWT');
  });

  it('leaves look-alikes: fake keys, templated URLs, JWT-shaped non-JWTs', () => {
    expect(types('sk_test_BBBBBBBBBBBBBBBBBBBBBBB and ntn_1234567890aBcDeFgHiJkLmNoPqRsT1234567890abcdef')).toEqual([]);
    expect(types('MYSQL_URL = mysql://$(DB_USER):$(DB_PASS)@$(DB_HOST):3306/db')).not.toContain('CONNECTION_STRING');
    expect(types('eyJub3QiOiJqd3QifQ.eyJzdWIiOiI0MiJ9.abc')).not.toContain('JWT');
    expect(types('Cookie: theme=dark; lang=en-US')).not.toContain('AUTH_TOKEN');
    expect(types('Cookie: sid=9f8e7d6c5b4a3921; theme=dark')).toContain('AUTH_TOKEN');
  });
});
