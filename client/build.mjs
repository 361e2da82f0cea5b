// Bundles the browser page for the jar:  node client/build.mjs OUT_DIR [--sizes]
// streaming's Maven build runs it (generate-resources). It installs client/node_modules from package-lock.json with
// `npm ci` when the lock changed since the last install (the only step that needs the npm registry), then esbuild
// bundles app.js and everything it imports into OUT_DIR as minified ES modules: app.js, and chunks/ for the parts
// loaded on demand (the editor's CodeMirror), next to index.html and styles.css. --sizes prints each file's size
// and gzip size (docs/PERFORMANCE.md).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const client = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node client/build.mjs OUT_DIR [--sizes]');
  process.exit(2);
}

installDependencies();
const { build } = await import('esbuild');
rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: client,
  entryPoints: ['app.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  target: ['chrome109', 'firefox115', 'safari16'],
  legalComments: 'eof',
  loader: { '.css': 'text' }, // a library's CSS (uPlot's) arrives as a string its panel adds to the page
  logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css']) copyFileSync(join(client, file), join(out, file));
if (process.argv.includes('--sizes')) printSizes(out);

/** `npm ci` when node_modules is missing or was installed from another lock file. */
function installDependencies() {
  const lock = readFileSync(join(client, 'package-lock.json'));
  const digest = createHash('sha256').update(lock).digest('hex');
  const stamp = join(client, 'node_modules', '.simcast-lock-sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  try {
    // --ignore-scripts: esbuild's binary comes in its platform package; no install script needs to run.
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
      { cwd: client, stdio: 'inherit' });
  } catch (error) {
    console.error(`simcast: npm ci in ${client} failed (${error.message}); scripts/setup.sh installs Node.js and npm`);
    process.exit(1);
  }
  writeFileSync(stamp, digest);
}

function printSizes(folder) {
  let total = 0;
  let totalGzip = 0;
  for (const file of walk(folder)) {
    const bytes = readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    total += bytes.length;
    totalGzip += gzip;
    console.log(`${relative(folder, file).padEnd(40)} ${kb(bytes.length).padStart(9)} ${kb(gzip).padStart(9)} gzip`);
  }
  console.log(`${'all'.padEnd(40)} ${kb(total).padStart(9)} ${kb(totalGzip).padStart(9)} gzip`);
}

function* walk(folder) {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
