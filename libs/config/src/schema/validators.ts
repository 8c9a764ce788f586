import { existsSync } from 'node:fs';
import { isFQDN, isIP, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A URL whose scheme is one of `schemes` and that names a host (or, for Postgres,
 * a `?host=` socket directory). With `list`, a comma-separated list of such URLs
 * (NATS takes several seed servers).
 */
export function IsServiceUrl(schemes: string[], opts: { list?: boolean } = {}, options?: ValidationOptions) {
  const kinds = schemes.map((s) => `${s}://`).join(' or ');
  return ValidateBy(
    {
      name: 'isServiceUrl',
      constraints: [schemes],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          (opts.list ? value.split(',') : [value]).every((url) => isServiceUrl(url.trim(), schemes)),
        defaultMessage: () => `must be a ${kinds} URL${opts.list ? ' (or a comma-separated list of them)' : ''}`,
      },
    },
    options,
  );
}

function isServiceUrl(raw: string, schemes: string[]): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  return schemes.includes(url.protocol.slice(0, -1)) && (url.hostname !== '' || url.searchParams.has('host'));
}

/** An IP address or a host name (`localhost` included) to bind or connect to. */
export function IsHost(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isHost',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && (isIP(value) || isFQDN(value, { require_tld: false })),
        defaultMessage: () => 'must be an IP address or a host name',
      },
    },
    options,
  );
}

/** A path to a file that exists now, so a missing certificate fails at start, not on first connect. */
export function IsExistingFile(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isExistingFile',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value !== '' && existsSync(value),
        defaultMessage: () => 'must be the path of an existing file',
      },
    },
    options,
  );
}
