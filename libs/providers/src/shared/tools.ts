import { Errors } from '@helix/contracts';
import { isRecord } from './provider-error.js';

/** A function tool the client offers, provider-neutral. */
export interface ToolDef {
  name: string;
  description?: string;
  /** JSON Schema of the arguments (an empty object schema when the client gave none). */
  parameters: Record<string, unknown>;
}

/** OpenAI `tool_choice`, provider-neutral. */
export type ToolChoice = { mode: 'auto' | 'none' | 'required' } | { mode: 'tool'; name: string };

/** OpenAI `tools` → ToolDefs; anything but a function tool is a 400 naming it. */
export function toolDefs(tools: unknown): ToolDef[] {
  if (tools === undefined || tools === null) return [];
  if (!Array.isArray(tools)) throw Errors.badRequest('tools must be an array.', 'tools');
  return tools.map((tool, i) => {
    const fn = isRecord(tool) && tool.type === 'function' && isRecord(tool.function) ? tool.function : undefined;
    if (!fn || typeof fn.name !== 'string' || !fn.name) throw Errors.badRequest(`tools[${i}]: only function tools with a name are supported by this provider.`, `tools[${i}]`);
    const def: ToolDef = { name: fn.name, parameters: isRecord(fn.parameters) ? fn.parameters : { type: 'object', properties: {} } };
    if (typeof fn.description === 'string') def.description = fn.description;
    return def;
  });
}

/** OpenAI `tool_choice` → ToolChoice; undefined when unset. */
export function toolChoice(choice: unknown): ToolChoice | undefined {
  if (choice === undefined || choice === null) return undefined;
  if (choice === 'auto' || choice === 'none' || choice === 'required') return { mode: choice };
  if (isRecord(choice) && choice.type === 'function' && isRecord(choice.function) && typeof choice.function.name === 'string') {
    return { mode: 'tool', name: choice.function.name };
  }
  throw Errors.badRequest('tool_choice must be "auto", "none", "required" or {"type":"function","function":{"name":...}}.', 'tool_choice');
}
