import { getProvider, hasEmbeddings, prepareRequest, type Deployment, type UpstreamTransport } from '@helix/providers';
import type { Embedder } from '../embedder.js';

/**
 * An embeddings model configured in the gateway (OpenAI, Azure, Ollama, vLLM,
 * TEI ...), called through the same provider adapter and transport as
 * production traffic. Its dimensions are learnt from a first call (`create`).
 */
export class ModelEmbedder implements Embedder {
  readonly id: string;

  private constructor(
    private readonly dep: Deployment,
    private readonly http: UpstreamTransport,
    private readonly requestedDims: number,
    private readonly timeoutMs: number,
    readonly dimensions: number,
  ) {
    this.id = `model-${dep.id}-${dimensions}`;
  }

  static async create(dep: Deployment, http: UpstreamTransport, opts: { dimensions: number; timeoutMs: number }): Promise<ModelEmbedder> {
    const probe = new ModelEmbedder(dep, http, opts.dimensions, opts.timeoutMs, 0);
    const [v] = await probe.embed(['dimension probe']);
    return new ModelEmbedder(dep, http, opts.dimensions, opts.timeoutMs, v!.length);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const { adapter, transport } = getProvider(this.dep.provider);
    if (!hasEmbeddings(adapter)) throw new Error(`provider ${this.dep.provider} cannot make embeddings`);
    const signal = AbortSignal.timeout(this.timeoutMs);
    const body = { model: this.dep.model, input: [...texts], ...(this.requestedDims ? { dimensions: this.requestedDims } : {}) };
    const req = await prepareRequest(adapter, adapter.embeddingsRequest(body, this.dep), this.dep, signal);
    const res = await (transport === 'http' ? this.http : transport).send(req, { signal, timeoutMs: this.timeoutMs });
    if (res.status >= 400) throw new Error(`embeddings ${this.dep.id}: ${adapter.error(res.status, await res.text(), this.dep).body.error.message}`);
    const mapped = adapter.embeddingsResponse(await res.json(), this.dep);
    return [...mapped.body.data].sort((a, b) => a.index - b.index).map((d) => toVector(d.embedding));
  }
}

function toVector(e: number[] | string): Float32Array {
  if (typeof e !== 'string') return Float32Array.from(e);
  const b = Buffer.from(e, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
