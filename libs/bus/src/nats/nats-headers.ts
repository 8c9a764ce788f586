import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';

export function toNatsHeaders(h: Record<string, string>): MsgHdrs | undefined {
  let out: MsgHdrs | undefined;
  for (const k in h) {
    out ??= natsHeaders();
    out.set(k, h[k]!);
  }
  return out;
}

export function fromNatsHeaders(h: MsgHdrs | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (h) for (const [k, v] of h) out[k] = v[0]!;
  return out;
}
