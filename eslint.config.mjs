import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.vscode-host/**',
      '.sandbox/**',
      '.test-results/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules(),
);

/**
 * The layers of src/, lowest first; each may import only those below it (DESIGN.md, "Dependencies flow one
 * way"). model is pure logic; aws is the SDK and nothing of VS Code; session, ui, views, webviews and commands
 * are VS Code, and only aws sends SDK commands (type-only imports of SDK shapes are fine everywhere above it).
 */
function layerRules() {
  const layers = ['model', 'aws', 'session', 'ui', 'views', 'webviews', 'commands'];
  const sdk = {
    group: ['@aws-sdk/*', '@smithy/*'],
    allowTypeImports: true,
    message: 'AWS SDK calls live in src/aws: add a function to the service facade there.',
  };
  return layers.map((layer, index) => {
    const above = layers.slice(index + 1);
    const patterns = [
      {
        regex: `(^|/)(${above.join('|')})(/|$)`,
        message: `src/${layer} may not import the layers above it (${above.join(', ')}).`,
      },
    ];
    if (layer === 'model' || layer === 'aws')
      patterns.push({ group: ['vscode'], message: `src/${layer} is free of VS Code.` });
    if (layer === 'model')
      patterns.push({ group: ['@aws-sdk/*', '@smithy/*'], message: 'src/model is free of the SDK.' });
    if (index > 1) patterns.push(sdk);
    return {
      files: [`src/${layer}/**/*.ts`],
      ignores: ['src/webviews/app/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { patterns: above.length ? patterns : patterns.slice(1) },
        ],
      },
    };
  });
}
