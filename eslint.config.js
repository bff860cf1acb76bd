// Lint: type-aware and strict (typescript-eslint), with a layering rule that keeps src/domain pure.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const DOMAIN_ROOT = path.join(import.meta.dirname, 'src', 'domain');

/** A relative import (or re-export) in src/domain must resolve inside src/domain, at any depth. */
const domainStaysInside = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { outside: 'src/domain may not import from outside src/domain ("{{source}}").' },
  },
  create(context) {
    const dir = path.dirname(context.filename);
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.'))
        return;
      const target = path.resolve(dir, source.value);
      if (!target.startsWith(DOMAIN_ROOT + path.sep)) {
        context.report({ node: source, messageId: 'outside', data: { source: source.value } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

/** src/domain imports no packages and no node:* (only relative paths, which domainStaysInside keeps inside). */
const domainPurity = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '^(?!\\.)',
          message: 'src/domain is pure: no packages, no node:*; pass data in from the caller.',
        },
      ],
    },
  ],
};

const noIoGlobals = {
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: 'No I/O in src/domain.' },
    { name: 'process', message: 'No environment in src/domain.' },
    { name: 'setTimeout', message: 'No timers in src/domain.' },
    { name: 'setInterval', message: 'No timers in src/domain.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'No clock in src/domain: pass the time in.',
    },
    {
      selector: "MemberExpression[object.name='Date'][property.name='now']",
      message: 'No clock in src/domain: pass the time in.',
    },
    {
      selector: "MemberExpression[object.name='Math'][property.name='random']",
      message: 'No randomness in src/domain.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'coverage/', '.test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers and booleans in template strings read naturally in messages and SQL placeholders.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Fastify handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      // `onChange={(e) => setValue(e.target.value)}` is the React idiom; a void-returning shorthand is clear there.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Tests read loosely-typed JSON replies; asserting on them is the point.
    files: ['test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The domain is pure at every depth: no packages, no node:*, nothing outside src/domain, no I/O, no clock.
    files: ['src/domain/**/*.ts'],
    plugins: { kaspr: { rules: { 'domain-stays-inside': domainStaysInside } } },
    rules: { 'kaspr/domain-stays-inside': 'error', ...domainPurity, ...noIoGlobals },
  },
  {
    // Domain tests and their support modules (test-fixtures.ts, test-cases.ts) may use the test runner, and
    // nothing else from outside (domain-stays-inside still applies).
    files: ['src/domain/**/*.test.ts', 'src/domain/**/test-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.|vitest$)', message: 'Domain tests import only vitest and the domain.' },
          ],
        },
      ],
    },
  },
  {
    // All SQL lives in src/store: a string or template in src/api that begins like a statement is refused.
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|LOCK)\\s/i]',
          message: 'SQL belongs in src/store: add a store function and call it.',
        },
        {
          selector: 'TemplateElement[value.raw=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|LOCK)\\s/i]',
          message: 'SQL belongs in src/store: add a store function and call it.',
        },
      ],
    },
  },
  {
    // The web app may import only the pure domain and the shared schemas from the server's tree.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!domain/|schemas/)',
              message:
                'The web app imports only src/domain and src/schemas (reply types come from src/schemas/replies).',
            },
          ],
        },
      ],
    },
  },
);
