import { describe, expect, it } from 'vitest';
import { embeddedUrl, isEmbeddedUrl } from './embedded-url.js';

describe('isEmbeddedUrl', () => {
  it('is true for the URL of an embedded server and false for any other', () => {
    expect(embeddedUrl(5555)).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:5555\/postgres\?/);
    expect(isEmbeddedUrl(embeddedUrl(5555))).toBe(true);
    expect(isEmbeddedUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe(false);
    expect(isEmbeddedUrl('postgres://u@db:5432/helix?sslmode=require')).toBe(false);
    expect(isEmbeddedUrl('not a url')).toBe(false);
  });
});
