import { describe, expect, it } from 'vitest';
import type { Answer } from './answer.js';
import { Pipeline } from './pipeline.js';
import { RequestState } from './request-state.js';
import type { Step } from './step.js';

const json = (tag: string): Answer => ({ kind: 'json', status: 200, body: { tag } });

function recorder() {
  const log: string[] = [];
  const step = (name: string, opts: { answer?: Answer; fail?: boolean; delayMs?: number } = {}): Step => ({
    name,
    async before() {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      log.push(`before:${name}`);
      if (opts.fail) throw new Error(`${name} refused`);
      return opts.answer;
    },
    transform(a) {
      log.push(`transform:${name}`);
      return a.kind === 'json' ? { ...a, body: { ...a.body, via: [...((a.body.via as string[]) ?? []), name] } } : a;
    },
    after() {
      log.push(`after:${name}`);
    },
  });
  return { log, step };
}

const state = () => new RequestState('chat.completions', 'c1', { model: 'm', messages: [] }, {});
const handler = (log: string[]) => ({ handle: async () => (log.push('handler'), json('provider')) });

describe('Pipeline', () => {
  it('runs befores in order, the handler, transforms and afters in reverse', async () => {
    const { log, step } = recorder();
    const p = new Pipeline([[step('auth')], [step('budget'), step('pii')], [step('cache')]], handler(log), () => {});
    const s = state();
    const exec = await p.run(s);
    await p.finish(s, exec.ran);
    expect(log).toEqual([
      'before:auth', 'before:budget', 'before:pii', 'before:cache', 'handler',
      'transform:cache', 'transform:pii', 'transform:budget', 'transform:auth',
      'after:cache', 'after:pii', 'after:budget', 'after:auth',
    ]);
    expect(exec.answer).toMatchObject({ body: { tag: 'provider', via: ['cache', 'pii', 'budget', 'auth'] } });
  });

  it('short-circuits: later steps and the handler are skipped, only ran steps get afters', async () => {
    const { log, step } = recorder();
    const p = new Pipeline([[step('auth')], [step('cache', { answer: json('hit') })], [step('late')]], handler(log), () => {});
    const s = state();
    const exec = await p.run(s);
    await p.finish(s, exec.ran);
    expect(exec.answer).toMatchObject({ body: { tag: 'hit' } });
    expect(log).not.toContain('handler');
    expect(log).not.toContain('before:late');
    expect(log.filter((l) => l.startsWith('after:'))).toEqual(['after:cache', 'after:auth']);
  });

  it('runs a parallel group concurrently; a refusal in it still lets both steps finish', async () => {
    const { log, step } = recorder();
    const p = new Pipeline(
      [[step('auth')], [step('budget', { delayMs: 30 }), step('pii', { fail: true })]],
      handler(log),
      () => {},
    );
    const s = state();
    const started = Date.now();
    const exec = await p.run(s);
    await p.finish(s, exec.ran);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(log.indexOf('before:pii')).toBeLessThan(log.indexOf('before:budget'));
    expect(String(exec.error)).toMatch(/pii refused/);
    expect(exec.answer).toBeUndefined();
    expect(log.filter((l) => l.startsWith('after:'))).toEqual(['after:pii', 'after:budget', 'after:auth']);
  });

  it('keeps running afters when one throws, and reports it', async () => {
    const errors: string[] = [];
    const ran: string[] = [];
    const bad: Step = { name: 'bad', after: () => { throw new Error('boom'); } };
    const good: Step = { name: 'good', after: () => void ran.push('good') };
    const p = new Pipeline([[good], [bad]], { handle: async () => json('x') }, (step, e) => errors.push(`${step.name}:${(e as Error).message}`));
    const s = state();
    await p.finish(s, (await p.run(s)).ran);
    expect(errors).toEqual(['bad:boom']);
    expect(ran).toEqual(['good']);
  });

  it('runs sync and async hooks alike: order, a sync refusal, an async transform after sync ones, a rejected after', async () => {
    const log: string[] = [];
    const errors: string[] = [];
    const tag = (a: Answer, name: string): Answer => (a.kind === 'json' ? { ...a, body: { ...a.body, via: [...((a.body.via as string[]) ?? []), name] } } : a);
    const sync = (name: string, refuse = false): Step => ({
      name,
      before: () => {
        log.push(`before:${name}`);
        if (refuse) throw new Error(`${name} refused`);
      },
      transform: (a) => (log.push(`transform:${name}`), tag(a, name)),
      after: () => void log.push(`after:${name}`),
    });
    const slow: Step = {
      name: 'slow',
      before: async () => void log.push('before:slow'),
      transform: async (a) => (log.push('transform:slow'), tag(a, 'slow')),
      after: async () => {
        log.push('after:slow');
        throw new Error('late');
      },
    };
    const p = new Pipeline([[sync('a')], [slow], [sync('b')]], handler(log), (step, e) => errors.push(`${step.name}:${(e as Error).message}`));
    const s = state();
    const exec = await p.run(s);
    await p.finish(s, exec.ran);
    expect(log).toEqual(['before:a', 'before:slow', 'before:b', 'handler', 'transform:b', 'transform:slow', 'transform:a', 'after:b', 'after:slow', 'after:a']);
    expect(exec.answer).toMatchObject({ body: { tag: 'provider', via: ['b', 'slow', 'a'] } });
    expect(errors).toEqual(['slow:late']);

    const refused = new Pipeline([[sync('a')], [sync('r', true)], [sync('never')]], handler(log), () => {});
    const r = await refused.run(state());
    expect(String(r.error)).toMatch(/r refused/);
    expect(r.ran.map((x) => x.name)).toEqual(['a', 'r']);
  });
});
