import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { captureLines } from './capture.test-helper.js';
import { createLogger } from './create-logger.js';
import { requestContext } from './request-context.js';

const config = {
  service: 'gateway' as const,
  log: { level: 'info' as const, pretty: false },
  telemetry: { serviceName: 'helix-gateway' } as never,
};

describe('createLogger', () => {
  it('writes the correlation id from the request context on every line inside a request, and only there', async () => {
    const { stream, lines } = captureLines();
    const logger = createLogger(config, stream);

    logger.info('before');
    await requestContext.run({ correlationId: 'corr-1', requestId: 'req-1', traceId: 'trace-1' }, async () => {
      logger.info('inside');
      await sleep(5);
      logger.warn({ model: 'mock-gpt' }, 'after an await');
    });
    await requestContext.run({ correlationId: 'corr-2' }, async () => logger.info('second request'));
    logger.info('after');

    expect(lines.map((l) => [l.msg, l.correlationId, l.requestId, l.traceId])).toEqual([
      ['before', undefined, undefined, undefined],
      ['inside', 'corr-1', 'req-1', 'trace-1'],
      ['after an await', 'corr-1', 'req-1', 'trace-1'],
      ['second request', 'corr-2', undefined, undefined],
      ['after', undefined, undefined, undefined],
    ]);
    expect(lines[2]).toMatchObject({ level: 'warn', service: 'helix-gateway', model: 'mock-gpt' });
    expect(typeof lines[0].time).toBe('string');
  });

  it('respects the level and redacts credentials', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger(config, stream);
    logger.debug('hidden');
    logger.info({ req: { headers: { authorization: 'Bearer sk-secret', accept: 'json' } } }, 'shown');
    expect(lines).toHaveLength(1);
    expect(lines[0].req).toEqual({ headers: { authorization: '[redacted]', accept: 'json' } });
    expect(JSON.stringify(lines)).not.toContain('sk-secret');
  });
});
