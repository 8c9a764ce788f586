import { describe, expect, it } from 'vitest';
import { FrameType, FrameWriter, readFrames, type StoredMsg } from './frames.js';

const msg = (seq: number, data: Uint8Array = new Uint8Array([1, 2, 3])): StoredMsg => ({
  seq,
  time: 1_700_000_000_000 + seq,
  subject: 'helix.events.request.completed.v1',
  msgId: `id-${seq}-é`,
  headers: { 'x-request-id': 'r-ü', traceparent: 't' },
  data,
});

describe('journal frames', () => {
  it('round-trip messages, settled and delivered sequences, consumers and the last sequence', () => {
    const w = new FrameWriter();
    const big = new Uint8Array(70_000).fill(7);
    const buf = Buffer.concat([
      Buffer.from(w.msg(msg(1))),
      Buffer.from(w.msg(msg(2, big))),
      Buffer.from(w.ack('cost', [1, 2])),
      Buffer.from(w.delivered('cost', [2, 2])),
      Buffer.from(w.consumer('analytics', 'helix.events.>', 7)),
      Buffer.from(w.lastSeq(42)),
    ]);
    const { frames, end } = readFrames(buf);
    expect(end).toBe(buf.length);
    expect(frames).toEqual([
      { type: FrameType.msg, msg: msg(1) },
      { type: FrameType.msg, msg: msg(2, big) },
      { type: FrameType.ack, durable: 'cost', seqs: [1, 2] },
      { type: FrameType.delivered, durable: 'cost', seqs: [2, 2] },
      { type: FrameType.consumer, durable: 'analytics', filter: 'helix.events.>', floor: 7 },
      { type: FrameType.lastSeq, seq: 42 },
    ]);
  });

  it('stops before a torn last frame and says where the whole frames end', () => {
    const w = new FrameWriter();
    const one = Buffer.from(w.msg(msg(1)));
    const two = Buffer.from(w.msg(msg(2)));
    const torn = Buffer.concat([one, two.subarray(0, two.length - 3)]);
    const { frames, end } = readFrames(torn);
    expect(frames).toHaveLength(1);
    expect(end).toBe(one.length);
    expect(readFrames(Buffer.concat([one, two])).frames).toHaveLength(2);
  });
});
