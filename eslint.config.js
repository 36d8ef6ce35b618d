import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

// The message of a thrown value has one helper, messageOf (src/domain/errors.ts).
const MESSAGE_OF = {
  selector:
    "ConditionalExpression[test.operator='instanceof'][test.right.name='Error'][consequent.property.name='message']",
  message: 'Use messageOf(e) from src/domain/errors.ts.',
};

// Numbers are written by one formatter (src/domain/format.ts): French rules in one place.
const NUMBER_FORMAT = [
  {
    selector:
      "CallExpression[callee.property.name='replace'][arguments.0.value='.'][arguments.1.value=',']",
    message: 'Use formatNumber/formatDecimal/decimalComma from src/domain/format.ts.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(toLocaleString|toFixed)$/]',
    message:
      'Use formatNumber/formatDecimal/formatDateTime (or decimalPoint for machine text) from src/domain/format.ts.',
  },
];

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'node_modules/',
      'public/data/',
      'bench/results/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Text from data never reaches the page as HTML.
      'svelte/no-at-html-tags': 'error',
      // Collections in state are immutable values, replaced whole ($state.raw, $derived), never
      // mutated in place: reactive SvelteMap/SvelteSet would only add overhead.
      'svelte/prefer-svelte-reactivity': 'off',
      'no-restricted-syntax': ['error', MESSAGE_OF, ...NUMBER_FORMAT],
      // A file longer than this says why at its top (eslint-disable max-lines -- reason).
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Tests are tables of cases; their length is their coverage.
    files: ['**/*.test.ts', '**/*.e2e.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    files: ['src/domain/errors.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NUMBER_FORMAT] },
  },
  {
    // The formatter itself, and its test comparing it with what Intl writes.
    files: ['src/domain/format.ts', 'src/domain/format.test.ts'],
    rules: { 'no-restricted-syntax': ['error', MESSAGE_OF] },
  },
  {
    // Benchmark tables are measurements with a decimal point, read by scripts, not the product's
    // text.
    files: ['bench/**'],
    rules: { 'no-restricted-syntax': ['error', MESSAGE_OF] },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
