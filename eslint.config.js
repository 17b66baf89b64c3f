// ESLint flat config: the recommended rules of ESLint and typescript-eslint, tuned to the
// conventions this tree already follows (see docs/CODE_STYLE.md).
//
// Type-aware rules (no-floating-promises, no-misused-promises, await-thenable) need the whole
// TypeScript program: linting the tree took 4 min instead of ~1 min on the shared 2-core machine,
// so they run on demand (`npm run lint:types`, NETRA_LINT_TYPES=1) and not in `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const typeAware = process.env.NETRA_LINT_TYPES === '1';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'src/web/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Deliberately unused names start with `_` (a positional parameter, a destructured-away field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Input sanitising strips control characters (NUL, C0, C1) with regular expressions on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests and benchmarks read loosely typed JSON bodies; src/ stays free of `any`.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  typeAware
    ? {
        files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
          '@typescript-eslint/no-floating-promises': 'error',
          '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
          '@typescript-eslint/await-thenable': 'error',
        },
      }
    : {},
);
