import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

/** Whose entries a request may read: its team's (default), its org's or only its own key's. */
export const CACHE_SCOPES = ['team', 'org', 'key'] as const;
export type CacheScope = (typeof CACHE_SCOPES)[number];

/** Where the semantic index lives: detected at start (`auto`), in-process HNSW, Redis Query Engine or Qdrant. */
export const VECTOR_INDEXES = ['auto', 'local', 'redis-search', 'qdrant'] as const;
export type VectorIndexKind = (typeof VECTOR_INDEXES)[number];

/** Semantic caching for one model, one team, or one team's use of one model. The most specific rule wins. */
export class SemanticRuleConfig {
  /** Model name as requested (after any swap); `*` = every model. */
  @IsString() readonly model: string = '*';

  /** Team id; `*` = every team. */
  @IsString() readonly team: string = '*';

  /** Serve semantic hits. */
  @IsBoolean() readonly enabled: boolean = true;

  /** Least cosine similarity of a semantic hit, 0..1; unset = `cache.semantic.threshold`. */
  @IsOptional() @IsNumber() @Min(0) @Max(1) readonly threshold?: number;
}

/** The embedder of semantic lookups. */
export class EmbedderConfig {
  /** `builtin`: word and character n-grams, no network and no model file. Otherwise the name of an embeddings model in `models`. */
  @IsString() readonly model: string = 'builtin';

  /** Requested dimensions for a model that takes `dimensions` (OpenAI text-embedding-3); 0 = the model's own. */
  @IsInt() @Min(0) @Max(8192) readonly dimensions: number = 0;

  /** Timeout of one embeddings call, in ms. */
  @IsInt() @Min(1) @Max(60_000) readonly timeoutMs: number = 2_000;
}

/** Qdrant, when `index: qdrant`. */
export class QdrantConfig {
  /** REST URL. Env: `HELIX__CACHE__SEMANTIC__QDRANT__URL`. */
  @IsString() readonly url: string = 'http://127.0.0.1:6333';

  /** API key; reference the environment (`${QDRANT_API_KEY:-}`). */
  @IsOptional() @IsString() readonly apiKey?: string;

  /** Collection name prefix; the embedder id and dimensions are appended. */
  @IsString() @Matches(/^[\w-]{1,64}$/) readonly collection: string = 'helix_cache';
}

/** Semantic caching: off unless a rule turns it on, because a wrong hit returns a wrong answer. */
export class SemanticCacheConfig {
  /**
   * Default least cosine similarity of a semantic hit (rules may set their own). Default 0.999: the
   * lowest threshold that kept false hits within 0.5% with the built-in embedder in `npm run
   * bench:cache` (docs/benchmarks.md, ## Cache). Measure a model embedder before lowering it.
   */
  @IsNumber() @Min(0) @Max(1) readonly threshold: number = 0.999;

  /** Who gets semantic hits: `{ model, team, enabled, threshold }`; the most specific match wins (team+model, team, model). None = nobody. */
  @ValidateNested({ each: true }) @Type(() => SemanticRuleConfig) readonly rules: SemanticRuleConfig[] = [];

  /** Check a candidate against the query (numbers, dates, names, negation, languages, output constraints) before serving it. */
  @IsBoolean() readonly verify: boolean = true;

  /** Candidates taken from the index per lookup (best first, each verified). */
  @IsInt() @Min(1) @Max(50) readonly candidates: number = 4;

  @ValidateNested() @Type(() => EmbedderConfig) readonly embedder: EmbedderConfig = new EmbedderConfig();

  /** `auto` = Redis Query Engine when Redis has it (`FT._LIST`), else `local`. Embedded mode always uses `local`. */
  @IsIn(VECTOR_INDEXES) readonly index: VectorIndexKind = 'auto';

  /** Partitions up to this many entries are searched exactly; bigger ones get an HNSW graph. */
  @IsInt() @Min(0) @Max(1_000_000) readonly flatMaxEntries: number = 512;

  /** How often the local index writes its snapshot (with the stream offset), in seconds; 0 = only at shutdown. */
  @IsInt() @Min(0) readonly snapshotIntervalSeconds: number = 300;

  /** Index events kept in the Redis stream (approximately); a replica further behind rebuilds from the entries. */
  @IsInt() @Min(1_000) readonly streamMaxLen: number = 250_000;

  @ValidateNested() @Type(() => QdrantConfig) readonly qdrant: QdrantConfig = new QdrantConfig();
}

/**
 * The cache-service (DESIGN §2 step 4, §5): exact and semantic caching of
 * redacted answers in Redis (in memory in embedded mode), per tenant.
 */
export class CacheConfig {
  /** Whose entries a request may read: `team` (default), `org` or `key`. A request never reads another tenant's entries. */
  @IsIn(CACHE_SCOPES) readonly scope: CacheScope = 'team';

  /** Lifetime of an entry, in seconds. Default 3600. */
  @IsInt() @Min(1) readonly ttlSeconds: number = 3_600;

  /** Longest lifetime a request may ask for with `x-helix-cache-ttl`, in seconds. Default 86400. */
  @IsInt() @Min(1) readonly maxTtlSeconds: number = 86_400;

  /** Most entries per tenant scope; the least recently used go first (approximate LRU). Default 10000. */
  @IsInt() @Min(1) readonly maxEntriesPerTenant: number = 10_000;

  /** Memory budget of all entries together, in bytes; past it the least recently used go first. Default 1 GiB. */
  @IsInt() @Min(1024 * 1024) readonly maxMemoryBytes: number = 1024 * 1024 * 1024;

  /** Largest answer stored, in bytes. Default 1 MiB. */
  @IsInt() @Min(1024) readonly maxEntryBytes: number = 1024 * 1024;

  /** Store answers a fallback deployment gave (another model than the first one configured). Default false. */
  @IsBoolean() readonly cacheFallbackAnswers: boolean = false;

  /** How often TTL and memory evictions are swept into the index, in ms. Default 5000. */
  @IsInt() @Min(100) readonly sweepIntervalMs: number = 5_000;

  @ValidateNested() @Type(() => SemanticCacheConfig) readonly semantic: SemanticCacheConfig = new SemanticCacheConfig();
}
