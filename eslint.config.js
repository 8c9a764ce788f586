// One ESLint configuration: typescript-eslint's recommended rules, plus the
// dependency direction of DESIGN §3, enforced by eslint-plugin-boundaries on
// resolved import paths (so relative paths cannot sneak around it):
//
//   contracts ← config ← telemetry ← bus | persistence | providers ← pii | cache | cost | analytics ← apps
//   platform (the apps' shared shell: HTTP errors, connections from config) sits beside the domain libs:
//   it may use bus and persistence, and only apps import it.
//
// Domain libs do not import each other or the bus (they are transport-free);
// apps never import each other, except apps/standalone, which composes them.
// A lib is imported only as `@helix/<name>`, which resolves to its src/index.ts.
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const domain = ['pii', 'cache', 'cost', 'analytics'];

/** What each lib may import besides itself. */
const libDeps = {
  contracts: [],
  config: ['contracts'],
  telemetry: ['contracts', 'config'],
  bus: ['contracts', 'config', 'telemetry'],
  persistence: ['contracts', 'config', 'telemetry'],
  providers: ['contracts', 'config', 'telemetry'],
  platform: ['contracts', 'config', 'telemetry', 'bus', 'persistence'],
  ...Object.fromEntries(domain.map((d) => [d, ['contracts', 'config', 'telemetry', 'persistence', 'providers']])),
};

const lib = (name) => ({ type: 'lib', captured: { name } });

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'libs/contracts/src/gen/**', 'bench/peers/**', 'coverage/**', 'data/**', '**/*.js', '**/*.mjs'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@helix/*/*'], message: 'Import a lib only through its index: `@helix/<name>`.' }] },
      ],
    },
  },
  {
    // STYLE: config is parsed once; only libs/config reads the environment.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @helix/config (`env(name)` for a raw variable).' },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: `${import.meta.dirname}/tsconfig.json` } },
      'boundaries/elements': [
        { type: 'lib', pattern: 'libs/*', capture: ['name'] },
        { type: 'app', pattern: 'apps/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...Object.entries(libDeps).map(([name, deps]) => ({
              from: { element: lib(name) },
              allow: { to: { element: [lib(name), ...deps.map(lib)] } },
            })),
            { from: { element: { type: 'app' } }, allow: { to: { element: { type: 'lib' } } } },
            {
              from: { element: { type: 'app', captured: { name: '{{ from.element.captured.name }}' } } },
              allow: { to: { element: { type: 'app', captured: { name: '{{ from.element.captured.name }}' } } } },
            },
            { from: { element: { type: 'app', captured: { name: 'standalone' } } }, allow: { to: { element: { type: 'app' } } } },
          ],
        },
      ],
      'boundaries/no-private': 'off',
      'boundaries/entry-point': 'off',
    },
  },
);
