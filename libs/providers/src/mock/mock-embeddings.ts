import type { EmbeddingsRequest, EmbeddingsResponse } from '../openai.types.js';
import { fnv1a, seededRandom } from './hash.js';
import { roughTokens } from './mock-answer.js';

export const DEFAULT_MOCK_DIMENSIONS = 1536;

/** A deterministic unit vector from a hash of the input. */
export function mockVector(input: string, dimensions: number): number[] {
  const random = seededRandom(fnv1a(input));
  const v = new Array<number>(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    v[i] = random() * 2 - 1;
    norm += v[i] * v[i];
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dimensions; i++) v[i] /= norm;
  return v;
}

const asText = (input: unknown): string => (typeof input === 'string' ? input : JSON.stringify(input));

/** One embedding per input (`dimensions` honoured; `encoding_format: base64` gives float32 bytes, as OpenAI does). */
export function mockEmbeddings(req: EmbeddingsRequest): EmbeddingsResponse {
  const inputs: unknown[] = Array.isArray(req.input) && (req.input.length === 0 || typeof req.input[0] !== 'number') ? req.input : [req.input];
  const dimensions = typeof req.dimensions === 'number' && req.dimensions > 0 ? req.dimensions : DEFAULT_MOCK_DIMENSIONS;
  let tokens = 0;
  const data = inputs.map((input, index) => {
    const text = asText(input);
    tokens += roughTokens(text);
    const vector = mockVector(text, dimensions);
    const embedding = req.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding' as const, index, embedding };
  });
  return { object: 'list', data, model: req.model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
