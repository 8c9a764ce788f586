// One ESLint configuration. Besides typescript-eslint's recommended rules it
// enforces the dependency direction of DESIGN §3 with `no-restricted-imports`:
//
//   contracts ← config ← telemetry ← bus | persistence | providers ← pii | cache | cost | analytics ← apps
//
// A lib is imported only as `@helix/<name>` (its src/index.ts), never by a deep or
// relative path; domain libs do not import each other or the bus; apps never
// import each other, except apps/standalone, which composes them.
import tseslint from 'typescript-eslint';

const infra = ['contracts', 'config', 'telemetry', 'bus', 'persistence', 'providers'];
const domain = ['pii', 'cache', 'cost', 'analytics'];
const apps = ['gateway', 'pii-service', 'cache-service', 'cost-service', 'analytics-service', 'standalone'];

/** What each lib may import, by `@helix/<name>`. */
const allowed = {
  contracts: [],
  config: ['contracts'],
  telemetry: ['contracts', 'config'],
  bus: ['contracts', 'config', 'telemetry'],
  persistence: ['contracts', 'config', 'telemetry'],
  providers: ['contracts', 'config', 'telemetry'],
  ...Object.fromEntries(domain.map((d) => [d, ['contracts', 'config', 'telemetry', 'persistence', 'providers']])),
};

const everywhere = [
  { group: ['@helix/*/*'], message: 'Import a lib only through its index: `@helix/<name>`.' },
  { group: ['**/libs/*/src/**', '**/libs/*/src'], message: 'Import a lib as `@helix/<name>`, not by a relative path.' },
];

const appImports = (except = []) =>
  apps
    .filter((a) => !except.includes(a))
    .map((a) => ({ group: [`**/apps/${a}/**`, `**/apps/${a}`], message: `Apps never import another app (${a}).` }));

const libRule = (name) => ({
  files: [`libs/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...everywhere,
          ...appImports(),
          ...[...infra, ...domain]
            .filter((other) => other !== name && !allowed[name].includes(other))
            .map((other) => ({
              group: [`@helix/${other}`],
              message: `libs/${name} may not depend on @helix/${other} (DESIGN §3: dependencies point one way).`,
            })),
        ],
      },
    ],
  },
});

const appRule = (name) => ({
  files: [`apps/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...everywhere, ...appImports(name === 'standalone' ? apps : [name])] },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'libs/contracts/src/gen/**', 'bench/peers/**', 'coverage/**', 'data/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', { patterns: everywhere }],
    },
  },
  ...[...infra, ...domain].map(libRule),
  ...apps.map(appRule),
);
