/** JSON schema of the Anthropic Messages body that `/v1/messages` takes. Unknown fields are ignored. */

const textBlock = { type: 'object', required: ['type', 'text'], properties: { type: { const: 'text' }, text: { type: 'string' } } };

const block = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' } },
  allOf: [
    { if: { properties: { type: { const: 'text' } } }, then: textBlock },
    { if: { properties: { type: { const: 'image' } } }, then: { required: ['source'], properties: { source: { type: 'object', required: ['type'] } } } },
    { if: { properties: { type: { const: 'tool_use' } } }, then: { required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } },
    { if: { properties: { type: { const: 'tool_result' } } }, then: { required: ['tool_use_id'], properties: { tool_use_id: { type: 'string' } } } },
  ],
};

export const messagesSchema = {
  type: 'object',
  required: ['model', 'max_tokens', 'messages'],
  properties: {
    model: { type: 'string', minLength: 1 },
    max_tokens: { type: 'integer', minimum: 1 },
    messages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['role', 'content'],
        properties: { role: { enum: ['user', 'assistant'] }, content: { anyOf: [{ type: 'string' }, { type: 'array', items: block }] } },
      },
    },
    system: { anyOf: [{ type: 'string' }, { type: 'array', items: textBlock }] },
    stop_sequences: { type: 'array', items: { type: 'string' } },
    stream: { type: 'boolean' },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    tools: {
      type: 'array',
      items: { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,64}$' }, type: { type: 'string' }, input_schema: { type: 'object' } } },
    },
    tool_choice: { type: 'object', required: ['type'], properties: { type: { enum: ['auto', 'any', 'tool', 'none'] }, name: { type: 'string' } } },
    metadata: { type: 'object' },
  },
} as const;
