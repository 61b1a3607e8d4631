// Bundles the extension, the CLI and the extraction worker into dist/ (and, with --tests, the integration suite into out/).
// esbuild does not type-check: `npm run typecheck` (tsc --noEmit) does.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // Node 20 reads \p{...} in regexes; without this esbuild rewrites such a literal as `new RegExp(...)`,
  // which inside a function builds the regex again on every call.
  supported: { 'regexp-unicode-property-escapes': true },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...common, entryPoints: ['src/editor/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Started by the extension and the CLI from their own folder (src/core/index/workers/workerExtractor.ts).
  { ...common, entryPoints: ['src/core/index/workers/extractWorker.ts'], outfile: 'dist/extractWorker.js' },
];

if (tests) {
  const integration = fs.existsSync('test/integration')
    ? fs.readdirSync('test/integration').filter((f) => f.endsWith('.ts')).map((f) => path.join('test/integration', f))
    : [];
  builds.push({
    ...common,
    sourcemap: true,
    entryPoints: integration,
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
  });
  const runners = ['test/runIntegration.ts', 'test/vscodeLauncher.ts'].filter((f) => fs.existsSync(f));
  if (runners.length) {
    builds.push({ ...common, entryPoints: runners, outdir: 'out/test', external: ['@vscode/test-electron', 'playwright-core'] });
  }
}

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching for changes');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
