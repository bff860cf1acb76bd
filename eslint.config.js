// Lint: type-aware and strict (typescript-eslint), with a layering rule that keeps src/domain pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domainPurity = (escape) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '^(?!\\.)',
          message: 'src/domain is pure: no packages, no node:*; pass data in from the caller.',
        },
        { regex: `^${escape}`, message: 'src/domain may not import from outside src/domain.' },
      ],
    },
  ],
});

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
  { files: ['src/domain/*.ts'], rules: { ...domainPurity('\\.\\./'), ...noIoGlobals } },
  { files: ['src/domain/*/*.ts'], rules: { ...domainPurity('\\.\\./\\.\\./'), ...noIoGlobals } },
  { files: ['src/domain/*/*/*.ts'], rules: { ...domainPurity('\\.\\./\\.\\./\\.\\./'), ...noIoGlobals } },
  {
    // Domain tests may use the test runner, and nothing else from outside.
    files: ['src/domain/**/*.test.ts'],
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
);
