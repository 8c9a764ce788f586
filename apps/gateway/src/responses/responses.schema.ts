/** JSON schema of the Responses body that `/v1/responses` takes; unsupported features are refused by the mapper. */
export const responsesSchema = {
  type: 'object',
  required: ['model', 'input'],
  properties: {
    model: { type: 'string', minLength: 1 },
    input: { anyOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: { type: 'object' } }] },
    instructions: { type: ['string', 'null'] },
    tools: { type: 'array', items: { type: 'object', required: ['type'], properties: { type: { type: 'string' }, name: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,64}$' } } } },
    tool_choice: { anyOf: [{ enum: ['none', 'auto', 'required'] }, { type: 'object', required: ['type'] }] },
    temperature: { type: ['number', 'null'], minimum: 0, maximum: 2 },
    top_p: { type: ['number', 'null'], minimum: 0, maximum: 1 },
    max_output_tokens: { type: ['integer', 'null'], minimum: 1 },
    stream: { type: ['boolean', 'null'] },
    parallel_tool_calls: { type: ['boolean', 'null'] },
    text: { type: ['object', 'null'], properties: { format: { type: 'object', required: ['type'], properties: { type: { enum: ['text', 'json_object', 'json_schema'] } } } } },
    metadata: { type: ['object', 'null'] },
    user: { type: 'string' },
  },
} as const;
