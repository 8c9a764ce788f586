/** DI tokens of the gateway's pipelines. */
export const CHAT_PIPELINE = Symbol('CHAT_PIPELINE');
export const EMBEDDINGS_PIPELINE = Symbol('EMBEDDINGS_PIPELINE');
