/** The subset of OpenAI's Responses API that `/v1/responses` takes: stateless text and function calling. */

export interface InputTextPart {
  type: 'input_text' | 'output_text' | 'refusal';
  text?: string;
  refusal?: string;
}

export interface InputImagePart {
  type: 'input_image';
  image_url?: string;
  file_id?: string;
  detail?: string;
}

export type InputPart = InputTextPart | InputImagePart | { type: string };

export interface MessageItem {
  type?: 'message';
  role: 'user' | 'assistant' | 'system' | 'developer';
  content: string | InputPart[];
}

export interface FunctionCallItem {
  type: 'function_call';
  call_id: string;
  name: string;
  arguments: string;
  id?: string;
}

export interface FunctionCallOutputItem {
  type: 'function_call_output';
  call_id: string;
  output: string | InputPart[];
}

export type InputItem = MessageItem | FunctionCallItem | FunctionCallOutputItem | { type: string };

export interface FunctionTool {
  type: string;
  name?: string;
  description?: string | null;
  parameters?: Record<string, unknown> | null;
  strict?: boolean | null;
}

export type ToolChoice = 'none' | 'auto' | 'required' | { type: string; name?: string };

export interface TextFormat {
  type: 'text' | 'json_object' | 'json_schema';
  name?: string;
  schema?: Record<string, unknown>;
  strict?: boolean | null;
  description?: string;
}

export interface ResponsesRequest {
  model: string;
  input: string | InputItem[];
  instructions?: string | null;
  tools?: FunctionTool[];
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean | null;
  temperature?: number | null;
  top_p?: number | null;
  max_output_tokens?: number | null;
  stream?: boolean | null;
  text?: { format?: TextFormat } | null;
  reasoning?: { effort?: string | null } | null;
  metadata?: Record<string, string> | null;
  user?: string;
  store?: boolean | null;
  previous_response_id?: string | null;
  background?: boolean | null;
  [key: string]: unknown;
}
