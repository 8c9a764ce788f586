/** The part of a Fastify (or Express) reply a passthrough controller touches. */
export interface HttpReply {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}
