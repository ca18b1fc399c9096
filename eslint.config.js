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

/**
 * The backend's public face (architecture.md §1): the transports and the CLI reach the backend through these modules
 * only (paths inside electron/backend, without extension). backend.ts: openBackend, call, subscribe, the byte streams,
 * the types and errors that go with them, the data folder's paths and the built renderer's files; command-line.ts
 * (the CLI only): what it needs beyond call() (package files on disk, the read-only dry run).
 */
const BACKEND_FACE_MAIN = ['backend'];
const BACKEND_FACE_HOST = [...BACKEND_FACE_MAIN, 'command-line'];
const faceFiles = (face) => face.map((path) => `electron/backend/${path}.ts`).join(', ');
/** Every module of electron/backend but the given ones, as seen from electron/main or electron/host (and by full path). */
const backendBeyond = (face) => [
  '../backend/**',
  '**/electron/backend/**',
  ...face.flatMap((path) => [`!../backend/${path}`, `!**/electron/backend/${path}`]),
];

/**
 * SQL lives in db/ (issue 15): elsewhere Kysely is imported for its types only (a transaction passed through to a
 * db/queries function), and no query is built — no query-builder call, no `sql` template.
 */
const SQL_IN_DB = 'SQL lives in db/: call (or add) a named function in db/queries/<area>.ts. Outside db/, Kysely is imported with `import type` only.';
const kyselyTypesOnly = { name: 'kysely', allowTypeImports: true, message: SQL_IN_DB };
const QUERY_METHODS = 'selectFrom|insertInto|updateTable|deleteFrom|replaceInto|with';

const layer = (files, patterns, node, options = {}) => ({
  files,
  ...(options.ignores ? { ignores: options.ignores } : {}),
  rules: {
    'no-restricted-imports': ['error', {
      patterns: node ? [...patterns, node.pattern] : patterns,
      paths: [...(node?.paths ?? []), ...(options.sqlInDb ? [kyselyTypesOnly] : [])],
    }],
  },
});

const BACKEND = [group(['electron', '**/electron/main/**', '**/electron/preload/**', '**/electron/host/**', '../main/**', '../preload/**', '../host/**', '../../main/**', '../../preload/**', '../../host/**', '**/renderer/**'], 'electron/backend never imports electron: it must run in plain Node (tests, browser mode, CLI).')];
const HOST = [group(['electron', '**/electron/main/**', '**/electron/preload/**', '../main/**', '../preload/**', '**/renderer/**'], 'electron/host runs without Electron.')];
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
  layer(['electron/backend/**'], BACKEND, undefined, { sqlInDb: true }),
  layer(['electron/host/**'], [
    ...HOST,
    group(['**/db/**'], 'electron/host talks to the database only through electron/backend (backend.ts, command-line.ts).'),
    group(backendBeyond(BACKEND_FACE_HOST), `electron/host imports from electron/backend only its public face: ${faceFiles(BACKEND_FACE_HOST)}.`),
  ], undefined, { sqlInDb: true }),
  layer(['electron/main/**'], [
    group(['**/renderer/**', '**/electron/host/**', '../host/**', '**/db/**'], 'electron/main talks to the database only through electron/backend.'),
    group(backendBeyond(BACKEND_FACE_MAIN), `electron/main imports from electron/backend only its public face: ${faceFiles(BACKEND_FACE_MAIN)}.`),
  ], undefined, { sqlInDb: true }),
  layer(
    ['electron/preload/**'],
    [group(['**/db/**', '**/electron/backend/**', '**/electron/main/**', '../backend/**', '../main/**', '../host/**', '**/renderer/**'], 'The preload is a keyhole: electron and shared/contract only.')],
    noNode('The sandboxed preload has no Node built-ins.'),
    { sqlInDb: true },
  ),
  layer(['renderer/**'], RENDERER_PATTERNS, noNode('The renderer runs in a sandboxed browser: no Node built-ins.')),
  // Screens call their area's actions: only a feature's store.ts calls the backend (besides stores/ and lib/).
  {
    ...layer(['renderer/src/features/**'], [...RENDERER_PATTERNS, { group: ['**/api/client'], importNames: ['api'], message: "Components call their area's store actions (features/<area>/store.ts); only stores call api()." }], noNode('The renderer runs in a sandboxed browser: no Node built-ins.')),
    ignores: ['renderer/src/features/*/store.ts'],
  },
  // No query is built outside db/ (shared/ and the renderer cannot import Kysely at all; see the layers above).
  {
    files: ['electron/**', 'shared/**', 'renderer/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${QUERY_METHODS})$/]`, message: SQL_IN_DB },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: SQL_IN_DB },
        { selector: "CallExpression[callee.type='MemberExpression'][callee.object.name='sql']", message: SQL_IN_DB },
      ],
    },
  },
);
