// Two bundles: the extension (node, CommonJS, `vscode` external) and the browser-side webview code.
// ts-loader runs transpile-only here; `npm run typecheck` does the type checking once for both.
'use strict';
const path = require('path');
const fs = require('fs');
const webpack = require('webpack');

const tsRule = (configFile, compilerOptions = {}) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  use: [{ loader: 'ts-loader', options: { transpileOnly: true, configFile, compilerOptions } }],
});

/** @type {import('webpack').Configuration} */
const extension = {
  name: 'extension',
  target: 'node',
  entry: './src/extension.ts',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'extension.js',
    libraryTarget: 'commonjs2',
    // Chunk names change from build to build: old ones would otherwise be packed into the .vsix.
    clean: { keep: /^webview\// },
  },
  externals: {
    vscode: 'commonjs vscode',
    // ws's optional native helpers: ws falls back to JavaScript when they are missing.
    bufferutil: 'commonjs bufferutil',
    'utf-8-validate': 'commonjs utf-8-validate',
  },
  resolve: {
    extensions: ['.ts', '.js'],
    // Dynamic imports name their module `x.js` (what tsc's node16 output loads); the source is x.ts.
    extensionAlias: { '.js': ['.ts', '.js'] },
    mainFields: ['module', 'main'],
  },
  // ES modules in, so webpack links the modules itself (scope hoisting, unused exports dropped) rather than running
  // tsc's CommonJS interop: each `import * as vscode` copied every export of the API object, at activation.
  module: { rules: [tsRule('tsconfig.json', { module: 'es2022', moduleResolution: 'bundler' })] },
  devtool: 'source-map',
  // The AWS SDK splits its credential providers into many small lazy chunks; each is a file in the package.
  // Merged into a few, the package stays small in files while what loads at activation stays as lazy as before.
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 12 })],
  performance: { hints: false },
  infrastructureLogging: { level: 'warn' },
};

// Each file in src/webviews/app/ named *.main.ts is one webview bundle.
const appDir = path.resolve(__dirname, 'src/webviews/app');
const webviewEntries = fs.existsSync(appDir)
  ? Object.fromEntries(
      fs
        .readdirSync(appDir)
        .filter((f) => f.endsWith('.main.ts'))
        .map((f) => [f.replace(/\.main\.ts$/, ''), path.join(appDir, f)]),
    )
  : {};

/** @type {import('webpack').Configuration} */
const webview = {
  name: 'webview',
  target: 'web',
  entry: webviewEntries,
  output: { path: path.resolve(__dirname, 'dist/webview'), filename: '[name].js' },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule('tsconfig.webview.json')] },
  devtool: false,
  performance: { hints: false },
};

module.exports = Object.keys(webviewEntries).length ? [extension, webview] : [extension];
