// One lint set-up for the whole repository. Besides style, it enforces the runtime boundaries of
// STYLE.md §1: each top folder is a runtime and may import only what runs there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'events', 'stream', 'worker_threads', 'buffer', 'process'];

const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

/** src-main/notifications/outbox files the sync server may import (see their block below). */
const serverSharedSenders = ['email-sender', 'webhook-sender', 'safe-lookup', 'send-outcome', 'server-seal'];

/** src-shared is pure: no clock, no randomness (also repeated in the money block, which replaces this rule). */
const pureSharedSyntax = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src-shared takes `now` as a parameter; no clock inside.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src-shared takes `now` as a parameter; no clock inside.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src-shared takes ids/randomness as parameters.' },
];

/**
 * Money is integer minor units (issue 15): in money files the usual ways floating point money
 * creeps in are refused — parsing with parseFloat, formatting or rounding with toFixed, scaling by
 * 100 or 1000 (cents ↔ major units), dividing an amount in minor units (`totalMinor / 3` makes a
 * fraction of a cent) and Math.round/floor/ceil (round with divideRounded, split with allocate).
 */
const moneyUse = 'use src-shared/finance/money.ts (divideRounded, allocate, scaledInteger) or the display format';
const floatMoneySyntax = [
  { selector: "CallExpression[callee.name='parseFloat'], CallExpression[callee.property.name='parseFloat']", message: `No parseFloat in money code: ${moneyUse}.` },
  { selector: "CallExpression[callee.property.name='toFixed']", message: `No toFixed in money code: ${moneyUse}.` },
  { selector: "BinaryExpression[operator=/^[*\\/]$/][right.raw=/^(100|1000|1_000)$/], BinaryExpression[operator=/^[*\\/]$/][left.raw=/^(100|1000|1_000)$/]", message: `No scaling by 100 or 1000 in money code (floating point cents): ${moneyUse}.` },
  { selector: "BinaryExpression[operator='/'][left.name=/Minor$/], BinaryExpression[operator='/'][left.property.name=/Minor$/]", message: `Dividing minor units makes a fraction of a cent: ${moneyUse}.` },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(round|floor|ceil|trunc)$/]", message: `No Math rounding in money code: ${moneyUse}.` },
];
const moneyFiles = ['src-shared/finance/**/*.ts', 'src-shared/crm/*money*.ts', 'src-shared/crm/quotation-lines.ts', 'src-renderer/finance/**/*.{ts,tsx}'];

const electronOnlyInElectronFolder = [['electron', 'electron/*'], 'Only src-main/electron/ may import electron (STYLE.md §1).'];

export default tseslint.config(
  { ignores: ['.scratch*/**', 'node_modules/**', 'out/**', 'dist/**', 'release/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
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
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        electronOnlyInElectronFolder,
        [['node:*', ...nodeBuiltins], 'src-shared is pure: no Node APIs (pass side effects in).'],
        [['react', 'react-dom', 'react/*', '@mui/*'], 'src-shared is pure: no UI libraries.'],
        [['**/src-main/**', '**/src-renderer/**', '**/sync-server/**'], 'src-shared imports nothing from the other runtimes.'],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'require'],
      'no-restricted-syntax': ['error', ...pureSharedSyntax],
    },
  },
  {
    files: moneyFiles.filter((pattern) => pattern.startsWith('src-shared/')),
    rules: { 'no-restricted-syntax': ['error', ...pureSharedSyntax, ...floatMoneySyntax] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      ...restrict(
        electronOnlyInElectronFolder,
        [['node:*', ...nodeBuiltins], 'The renderer has no Node access; ask the host through the bridge.'],
        [['**/src-main/**', '**/sync-server/**'], 'The renderer imports src-shared only; everything else goes through the bridge.'],
      ),
    },
  },
  {
    files: moneyFiles.filter((pattern) => pattern.startsWith('src-renderer/')),
    rules: { 'no-restricted-syntax': ['error', ...floatMoneySyntax] },
  },
  {
    files: ['src-main/**/*.{ts,tsx}'],
    ignores: ['src-main/electron/**'],
    rules: restrict(electronOnlyInElectronFolder, [['**/src-renderer/**', '**/sync-server/**'], 'src-main uses src-shared, not the UI or the server.']),
  },
  {
    files: ['src-main/electron/**/*.{ts,tsx}'],
    rules: restrict([['**/src-renderer/**', '**/sync-server/**'], 'src-main uses src-shared, not the UI or the server.']),
  },
  // The email and webhook senders and the sealed-secret format are Node code the desktop's outbox
  // and the sync server's (team mode) both run: the server imports exactly these files from
  // src-main, so both send alike (SSRF guard included) and one file defines the seal. In return
  // they may import only src-shared and each other, never the rest of the desktop.
  {
    files: serverSharedSenders.map((name) => `src-main/notifications/outbox/${name}.ts`),
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: electronOnlyInElectronFolder[0], message: electronOnlyInElectronFolder[1] },
        { regex: `^\\.\\./(?!\\.\\./\\.\\./src-shared/)|^\\./(?!(${serverSharedSenders.join('|')})$)`, message: 'Also run by the sync server: import src-shared and the other shared senders only.' },
      ] }],
    },
  },
  // The log format is shared with the sync server the same way: it imports npm packages and Node only.
  {
    files: ['src-main/logging/log-format.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: electronOnlyInElectronFolder[0], message: electronOnlyInElectronFolder[1] },
        { regex: '^\\.', message: 'Also run by the sync server: the log format imports npm packages and Node only.' },
      ] }],
    },
  },
  // A stray `.only` would make the suite run one test and report green (issue 20). Vitest's
  // allowOnly and Playwright's forbidOnly refuse it at run time too.
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='only']", message: 'No `.only` in tests: it silently skips every other test. Use `npx vitest run file -t name` or `npx playwright test file -g name` instead.' }],
    },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: electronOnlyInElectronFolder[0], message: electronOnlyInElectronFolder[1] },
        { group: ['**/src-renderer/**'], message: 'The sync server imports src-shared only.' },
        { regex: `(^|/)src-main/(?!notifications/outbox/(${serverSharedSenders.join('|')})$|logging/log-format$)`, message: 'The sync server imports src-shared only (and the shared senders and log format).' },
      ] }],
    },
  },
);
