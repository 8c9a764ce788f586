import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/**
 * The chat body as a class-validator DTO, rule for rule the ajv schema in
 * apps/gateway/src/validation/schemas.ts, to measure what Nest's usual ValidationPipe would cost on the
 * inference path. Bench only: the gateway validates with the compiled ajv schema.
 */
const isContent = (v: unknown) => v === null || v === undefined || typeof v === 'string' || (Array.isArray(v) && v.every((p) => typeof p === 'object' && p !== null && typeof p.type === 'string'));
const isStop = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length <= 4 && v.every((s) => typeof s === 'string'));
const isToolChoice = (v: unknown) =>
  v === 'none' || v === 'auto' || v === 'required' || (typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'function' && typeof (v as { function?: unknown }).function === 'object');
const Is = (name: string, check: (v: unknown) => boolean, opts?: ValidationOptions) => ValidateBy({ name, validator: { validate: check, defaultMessage: () => `invalid ${name}` } }, opts);

class ImageUrlDto {
  @IsString() url!: string;
}

class ContentPartDto {
  @IsString() type!: string;
  @IsOptional() @IsString() text?: string;
  @IsOptional() @ValidateNested() @Type(() => ImageUrlDto) image_url?: ImageUrlDto;
}

class ToolCallFunctionDto {
  @IsString() name!: string;
  @IsOptional() @IsString() arguments?: string;
}

class ToolCallDto {
  @IsOptional() @IsString() id?: string;
  @Equals('function') type!: string;
  @ValidateNested() @Type(() => ToolCallFunctionDto) function!: ToolCallFunctionDto;
}

class MessageDto {
  @IsIn(['system', 'developer', 'user', 'assistant', 'tool', 'function']) role!: string;
  @Is('content', isContent) @ValidateIf((o: MessageDto) => Array.isArray(o.content)) @ValidateNested({ each: true }) @Type(() => ContentPartDto) content?: string | ContentPartDto[] | null;
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ToolCallDto) tool_calls?: ToolCallDto[];
  @ValidateIf((o: MessageDto) => o.role === 'tool' || o.tool_call_id !== undefined) @IsString() tool_call_id?: string;
}

class ToolFunctionDto {
  @Matches(/^[a-zA-Z0-9_-]{1,64}$/) name!: string;
  @IsOptional() @IsString() description?: string;
  @IsOptional() @IsObject() parameters?: object;
  @IsOptional() @IsBoolean() strict?: boolean | null;
}

class ToolDto {
  @Equals('function') type!: string;
  @ValidateNested() @Type(() => ToolFunctionDto) function!: ToolFunctionDto;
}

class JsonSchemaDto {
  @IsString() name!: string;
  @IsOptional() @IsObject() schema?: object;
}

class ResponseFormatDto {
  @IsIn(['text', 'json_object', 'json_schema']) type!: string;
  @ValidateIf((o: ResponseFormatDto) => o.type === 'json_schema' || o.json_schema !== undefined) @ValidateNested() @Type(() => JsonSchemaDto) json_schema?: JsonSchemaDto;
}

class StreamOptionsDto {
  @IsOptional() @IsBoolean() include_usage?: boolean;
}

export class ChatCompletionDto {
  @IsString() @MinLength(1) model!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => MessageDto) messages!: MessageDto[];
  @IsOptional() @IsBoolean() stream?: boolean | null;
  @IsOptional() @ValidateNested() @Type(() => StreamOptionsDto) stream_options?: StreamOptionsDto | null;
  @IsOptional() @IsNumber() @Min(0) @Max(2) temperature?: number | null;
  @IsOptional() @IsNumber() @Min(0) @Max(1) top_p?: number | null;
  @IsOptional() @IsInt() @Min(1) @Max(128) n?: number | null;
  @IsOptional() @IsInt() @Min(1) max_tokens?: number | null;
  @IsOptional() @IsInt() @Min(1) max_completion_tokens?: number | null;
  @IsOptional() @Is('stop', isStop) stop?: string | string[] | null;
  @IsOptional() @IsNumber() @Min(-2) @Max(2) presence_penalty?: number | null;
  @IsOptional() @IsNumber() @Min(-2) @Max(2) frequency_penalty?: number | null;
  @IsOptional() @IsObject() logit_bias?: Record<string, number> | null;
  @IsOptional() @IsBoolean() logprobs?: boolean | null;
  @IsOptional() @IsInt() @Min(0) @Max(20) top_logprobs?: number | null;
  @IsOptional() @IsInt() seed?: number | null;
  @IsOptional() @IsString() user?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(128) @ValidateNested({ each: true }) @Type(() => ToolDto) tools?: ToolDto[];
  @IsOptional() @Is('tool_choice', isToolChoice) tool_choice?: unknown;
  @IsOptional() @IsBoolean() parallel_tool_calls?: boolean;
  @IsOptional() @ValidateNested() @Type(() => ResponseFormatDto) response_format?: ResponseFormatDto;
}
