import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'worker_threads',
  'stream',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.electron-native/**',
      'coverage/**',
      'tests/e2e/artifacts/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The renderer talks to the backend only through the typed client: no Node, Electron,
    // native modules or runtime kysely may reach it (type-only imports are fine).
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/ui/**/*.{ts,tsx}'],
    // The UI tests' workbench opens a real workspace on the Node side of the test runner.
    ignores: ['tests/ui/support/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'better-sqlite3', 'kysely', 'kysely/*', ...nodeBuiltins],
              allowTypeImports: true,
              message:
                'The renderer runs in a sandboxed page: reach data through the typed client (src/renderer/src/api).',
            },
            {
              group: ['**/main/**', '**/preload/**', '@backend/*', '@backend/**'],
              message: 'The renderer imports only src/shared and browser libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    // shared/ is used by the UI, the backend and the deck alike: pure code only.
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'better-sqlite3', 'kysely', 'react', ...nodeBuiltins],
              allowTypeImports: true,
              message: 'src/shared is pure: no Node, Electron, database or UI code.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '@backend/*', '@backend/**'],
              message: 'src/shared depends on nothing else in the project.',
            },
          ],
        },
      ],
    },
  },
  {
    // The backend owns the data and runs in plain Node; the shell, browser mode and the CLI
    // call into it, never the other way round (it is started, not starting).
    files: ['src/main/backend/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The backend runs in plain Node (utility process, funnel serve, CLI, tests).',
            },
            {
              group: [
                '**/shell/**',
                '**/cli/**',
                '**/server',
                '**/host',
                '**/host-ports',
                '**/renderer/**',
                '**/preload/**',
              ],
              message: 'Arrows run shell/server/CLI → backend, not back.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Electron shell starts the backend in its own process and brokers ports; it never
    // imports backend code (data work stays off Electron's main thread).
    files: ['src/main/index.ts', 'src/main/shell/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@backend/*', '**/backend/**', '**/cli/**', '**/server', 'better-sqlite3', 'kysely'],
              allowTypeImports: true,
              message: 'The shell talks to the backend through its process and ports only.',
            },
          ],
        },
      ],
    },
  },
);
