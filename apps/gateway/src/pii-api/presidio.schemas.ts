/** JSON schemas of Presidio's `/analyze` and `/anonymize` requests (unknown fields are accepted, as Presidio does). */
const result = {
  type: 'object',
  required: ['entity_type', 'start', 'end'],
  properties: { entity_type: { type: 'string' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, score: { type: 'number' } },
};

export const analyzeSchema = {
  type: 'object',
  required: ['text', 'language'],
  properties: {
    text: { type: 'string' },
    language: { type: 'string' },
    entities: { type: 'array', items: { type: 'string' } },
    score_threshold: { type: 'number', minimum: 0, maximum: 1 },
    allow_list: { type: 'array', items: { type: 'string' } },
  },
};

export const anonymizeSchema = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string' },
    analyzer_results: { type: 'array', items: result },
    anonymizers: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['type'],
        properties: {
          type: { type: 'string' },
          new_value: { type: 'string' },
          masking_char: { type: 'string', maxLength: 1 },
          chars_to_mask: { type: 'integer', minimum: 0 },
          from_end: { type: 'boolean' },
        },
      },
    },
  },
};

export interface AnalyzeBody {
  text: string;
  language: string;
  entities?: string[];
  score_threshold?: number;
  allow_list?: string[];
}

export interface AnonymizeBody {
  text: string;
  analyzer_results?: { entity_type: string; start: number; end: number; score?: number }[];
  anonymizers?: Record<string, { type: string; new_value?: string; masking_char?: string; chars_to_mask?: number; from_end?: boolean }>;
}
