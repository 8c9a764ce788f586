/**
 * Request validation cost on the inference path: the gateway's compiled ajv validator against an
 * equivalent class-validator DTO (plainToInstance + validate, what Nest's ValidationPipe does), per
 * request, for a one-message body and a 50-message body. Run by bench/gateway/bench-gateway.ts on the
 * gateway's (idle) core; prints one JSON line.
 */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate, validateSync } from 'class-validator';
import { chatCompletionSchema } from '../../../apps/gateway/src/validation/schemas.js';
import { compileValidator } from '../../../apps/gateway/src/validation/validator.js';
import { ChatCompletionDto } from './chat-completion.dto.js';

const ajvValidate = compileValidator(chatCompletionSchema);

const turn = (i: number) => ({ role: i % 2 ? 'assistant' : 'user', content: `Turn ${i}: ${'a fairly ordinary sentence of a chat. '.repeat(5)}` });
export const bodies = {
  small: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello to the benchmark' }], temperature: 0.2 },
  '50 messages': { model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'You are terse.' }, ...Array.from({ length: 49 }, (_, i) => turn(i))], max_tokens: 256, stream: true },
};

async function perCallUs(fn: () => unknown | Promise<unknown>, minMs = 1_000): Promise<number> {
  const call = async () => {
    const r = fn();
    if (r instanceof Promise) await r;
  };
  for (let i = 0; i < 2_000; i++) await call();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    for (let i = 0; i < 200; i++) {
      const r = fn();
      if (r instanceof Promise) await r;
    }
    n += 200;
  }
  return ((performance.now() - t0) * 1000) / n;
}

const classValidatorAsync = async (body: object) => {
  const errors = await validate(plainToInstance(ChatCompletionDto, body) as object);
  if (errors.length) throw new Error(`class-validator refused: ${JSON.stringify(errors[0]!.constraints ?? errors[0]!.children)}`);
};
const classValidatorSync = (body: object) => {
  const errors = validateSync(plainToInstance(ChatCompletionDto, body) as object);
  if (errors.length) throw new Error('class-validator refused');
};

const rows: { body: string; ajvUs: number; classValidatorUs: number; classValidatorSyncUs: number }[] = [];
for (const [name, body] of Object.entries(bodies)) {
  const bad = { ...body, messages: [...body.messages, { role: 'robot', content: 'x' }] };
  const refuses = (fn: () => unknown) => Promise.resolve().then(fn).then(() => false, () => true);
  if (!(await refuses(() => ajvValidate(bad))) || !(await refuses(() => classValidatorAsync(bad)))) throw new Error('a validator accepted a bad role');
  rows.push({
    body: name,
    ajvUs: await perCallUs(() => ajvValidate(body)),
    classValidatorUs: await perCallUs(() => classValidatorAsync(body)),
    classValidatorSyncUs: await perCallUs(() => classValidatorSync(body)),
  });
}
console.log(JSON.stringify(rows));
