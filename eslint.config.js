// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rule (architecture.md §1): imports point down only.
 * shared <- db <- electron/backend <- electron/main, electron/host; renderer -> shared only.
 * Only electron/main and electron/preload may import 'electron'.
 */
const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'events', 'stream', 'worker_threads'];
const group = (names, message) => ({ group: names, message });
/** Node built-ins by bare name (as paths, so that a local './events' is not mistaken for one) and with the node: prefix. */
const noNode = (message) => ({ paths: NODE_BUILTINS.map((name) => ({ name, message })), pattern: group(['node:*'], message) });

const layer = (files, patterns, node) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: node ? [...patterns, node.pattern] : patterns, paths: node?.paths ?? [] }] },
});

const RENDERER_PATTERNS = [
  group(['**/db/**', '**/electron/**', 'electron', 'better-sqlite3', 'kysely'], 'The renderer reaches the backend only through the api client (renderer/src/api).'),
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tsbuild/**', 'node_modules/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(['shared/**'], [
    group(['**/db/**', '**/electron/**', '**/renderer/**', 'electron', 'better-sqlite3', 'kysely', 'react', 'react-dom'], 'shared/ is pure TypeScript: it imports nothing of the other layers.'),
  ], noNode('shared/ runs in the browser too: no Node built-ins.')),
  layer(['db/**'], [group(['**/electron/**', '**/renderer/**', 'electron'], 'db/ may import shared/ only.')]),
  layer(['electron/backend/**'], [
    group(['electron', '**/electron/main/**', '**/electron/preload/**', '**/electron/host/**', '../main/**', '../preload/**', '../host/**', '../../main/**', '../../preload/**', '../../host/**', '**/renderer/**'], 'electron/backend never imports electron: it must run in plain Node (tests, browser mode, CLI).'),
  ]),
  layer(['electron/host/**'], [group(['electron', '**/electron/main/**', '**/electron/preload/**', '../main/**', '../preload/**', '**/renderer/**'], 'electron/host runs without Electron.')]),
  layer(['electron/main/**'], [group(['**/renderer/**', '**/electron/host/**', '../host/**', '**/db/**'], 'electron/main talks to the database only through electron/backend.')]),
  layer(
    ['electron/preload/**'],
    [group(['**/db/**', '**/electron/backend/**', '**/electron/main/**', '../backend/**', '../main/**', '../host/**', '**/renderer/**'], 'The preload is a keyhole: electron and shared/contract only.')],
    noNode('The sandboxed preload has no Node built-ins.'),
  ),
  layer(['renderer/**'], RENDERER_PATTERNS, noNode('The renderer runs in a sandboxed browser: no Node built-ins.')),
  // Screens call their area's actions: only a feature's store.ts calls the backend (besides stores/ and lib/). The item
  // editor's merge of concurrent edits still calls it until it becomes a pure module of its own.
  {
    ...layer(['renderer/src/features/**'], [...RENDERER_PATTERNS, { group: ['**/api/client'], importNames: ['api'], message: "Components call their area's store actions (features/<area>/store.ts); only stores call api()." }], noNode('The renderer runs in a sandboxed browser: no Node built-ins.')),
    ignores: ['renderer/src/features/*/store.ts', 'renderer/src/features/agenda/ItemEditor.tsx'],
  },
);
