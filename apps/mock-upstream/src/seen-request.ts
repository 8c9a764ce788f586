import type { IncomingHttpHeaders } from 'node:http';
import { recordableHeaders, type RecordedRequest } from '@helix/providers';

/** Credentials of the other providers' formats, never recorded (besides those `recordableHeaders` drops). */
const SECRET_HEADERS = ['x-goog-api-key', 'x-amz-security-token'];

/** A request as received, kept raw; credentials are dropped and the body parsed only when a test asks. */
export class SeenRequest {
  readonly at = Date.now();

  constructor(
    readonly method: string,
    readonly path: string,
    private readonly headers: IncomingHttpHeaders,
    readonly rawBody: string,
  ) {}

  toRecord(): RecordedRequest {
    const headers = recordableHeaders(this.headers);
    for (const secret of SECRET_HEADERS) delete headers[secret];
    return { method: this.method, path: this.path, headers, body: parse(this.rawBody), at: this.at };
  }
}

function parse(body: string): unknown {
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
