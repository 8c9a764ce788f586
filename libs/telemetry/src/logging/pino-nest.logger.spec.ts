import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { captureLines } from './capture.test-helper.js';
import { PinoNestLogger } from './pino-nest.logger.js';

describe('PinoNestLogger', () => {
  it("maps Nest's calls to pino levels with the context, stack and extra values as fields", () => {
    const { stream, lines } = captureLines();
    const nest = new PinoNestLogger(pino({ level: 'trace' }, stream));
    const stack = 'Error: boom\n    at somewhere (file.ts:1:1)';

    nest.log('Mapped {/v1/chat/completions, POST} route', 'RouterExplorer');
    nest.error('Unhandled', stack, 'ExceptionsHandler');
    nest.warn({ queue: 'pii' }, 'Bus');
    nest.verbose('details', 42);
    nest.error(new Error('as error'));

    expect(lines.map((l) => [l.level, l.msg, l.context])).toEqual([
      [30, 'Mapped {/v1/chat/completions, POST} route', 'RouterExplorer'],
      [50, 'Unhandled', 'ExceptionsHandler'],
      [40, undefined, 'Bus'],
      [10, 'details', undefined],
      [50, 'as error', undefined],
    ]);
    expect(lines[1].stack).toBe(stack);
    expect(lines[2].queue).toBe('pii');
    expect(lines[3].details).toEqual([42]);
    expect(lines[4].err).toMatchObject({ message: 'as error', type: 'Error' });
  });
});
