// Builds the explorer: type-checks ui/ (browser tsconfig), bundles ui/src/main.ts with esbuild
// into dist/ui/app.js and copies index.html and styles.css beside it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'ui');
const watch = process.argv.includes('--watch');
const skipCheck = process.argv.includes('--no-check');

if (!skipCheck) {
  // The main tsconfig is Node-only; the browser code has its own (DOM lib, bundler resolution).
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  try {
    execFileSync(tsc, ['-p', path.join(root, 'ui', 'tsconfig.json')], { stdio: 'inherit' });
  } catch {
    console.error('ui: type errors (see above)');
    process.exit(1);
  }
}

fs.mkdirSync(out, { recursive: true });
for (const f of ['index.html', 'styles.css']) fs.copyFileSync(path.join(root, 'ui', f), path.join(out, f));

const options = {
  entryPoints: [path.join(root, 'ui', 'src', 'main.ts')],
  outfile: path.join(out, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: !watch,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log(`watching ui/ -> ${path.relative(root, out)}`);
} else {
  const result = await esbuild.build({ ...options, metafile: true });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`ui: ${path.relative(root, out)}/app.js built (${Math.round(bytes / 1024)} KiB with map)`);
}
