// Lint: typescript-eslint's recommended type-aware rules, with the house rules that catch real bugs
// (floating promises, any) rather than style; formatting is left to the editor.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-artifacts/**', 'data/**', 'apps/server/.cache/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['apps/server/src/**/*.ts', 'packages/domain/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
