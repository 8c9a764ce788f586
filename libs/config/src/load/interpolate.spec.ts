import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { interpolate } from './interpolate.js';

function run(yaml: string, env: Record<string, string>) {
  const doc = parseDocument(yaml);
  const issues = interpolate(doc, env);
  return { tree: doc.toJS(), issues };
}

describe('${VAR} interpolation', () => {
  it('replaces references in string values, with defaults for unset or empty variables', () => {
    const { tree, issues } = run(
      [
        'apiKey: ${OPENAI_API_KEY}',
        'url: "postgres://helix:${PGPASSWORD}@${PGHOST:-127.0.0.1}:5432/helix"',
        'empty: ${EMPTY:-fallback}',
        'blank: ${UNSET:-}',
        'literal: $${NOT_ME}',
        '${KEYS_ARE_KEPT}: 1',
      ].join('\n'),
      { OPENAI_API_KEY: 'sk-test', PGPASSWORD: 'pw', EMPTY: '' },
    );
    expect(issues).toEqual([]);
    expect(tree).toEqual({
      apiKey: 'sk-test',
      url: 'postgres://helix:pw@127.0.0.1:5432/helix',
      empty: 'fallback',
      blank: '',
      literal: '${NOT_ME}',
      '${KEYS_ARE_KEPT}': 1,
    });
  });

  it('reads an unquoted whole reference as YAML and keeps a quoted one a string', () => {
    const { tree } = run('port: ${PORT:-8080}\non: ${ON}\nkey: "${NUMERIC_KEY}"', { ON: 'true', NUMERIC_KEY: '12345' });
    expect(tree).toEqual({ port: 8080, on: true, key: '12345' });
  });

  it('reports each unset variable without a default at its path', () => {
    const { issues } = run('providers:\n  openai:\n    apiKey: ${OPENAI_API_KEY}\nlist:\n  - ok\n  - ${MISSING}', {});
    expect(issues).toEqual([
      { path: 'providers.openai.apiKey', message: expect.stringContaining('OPENAI_API_KEY is not set') },
      { path: 'list.1', message: expect.stringContaining('MISSING is not set') },
    ]);
  });
});
