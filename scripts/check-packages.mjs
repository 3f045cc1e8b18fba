// Checks every public workspace package as npm would publish it (after `npm run build`): the
// manifest fields a user relies on, that the tarball holds every file the manifest and the source
// maps point at, and that every package a built module imports is declared. Prints each problem;
// exits non-zero when there is one. Usage: node scripts/check-packages.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

for (const workspace of rootManifest.workspaces) {
  const dir = join(root, workspace);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const report = (message) => problems.push(`${manifest.name}: ${message}`);
  checkManifest(manifest, report);
  const files = packedFiles(dir);
  for (const required of ['package.json', 'README.md', 'LICENSE']) if (!files.has(required)) report(`the tarball has no ${required}`);
  for (const target of exportTargets(manifest))
    if (!files.has(posix.normalize(target))) report(`"${target}" (exports, main or types) is not in the tarball`);
  for (const file of files) {
    if (/\.spec\.(ts|js|d\.ts)$|(^|\/)fixtures\//.test(file)) report(`${file} is a test file; leave it out of "files"`);
    if (file.endsWith('.map')) checkMap(dir, file, files, report);
    if (file.startsWith('dist/') && file.endsWith('.js')) checkImports(dir, file, manifest, report);
  }
}

if (problems.length) {
  console.error(`package check: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('package check: every public package is complete');

function checkManifest(manifest, report) {
  if (manifest.license !== 'Apache-2.0') report('"license" must be Apache-2.0');
  for (const field of ['description', 'keywords', 'repository', 'engines', 'files', 'exports', 'types'])
    if (manifest[field] === undefined) report(`"${field}" is missing`);
  if (!manifest.engines?.node) report('"engines.node" is missing');
  if (manifest.type !== 'module') report('"type" must be "module"');
}

/** The files `npm pack` would put in the tarball, relative to the package. */
function packedFiles(dir) {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  return new Set(pack.files.map((f) => f.path));
}

function exportTargets(manifest) {
  const targets = [manifest.main, manifest.types].filter(Boolean);
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  return targets.filter((t) => !t.includes('*'));
}

/** A source map whose sources are not shipped sends a debugger (or a go-to-definition) nowhere. */
function checkMap(dir, file, files, report) {
  const map = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (Array.isArray(map.sourcesContent) && map.sourcesContent.every((s) => typeof s === 'string')) return;
  for (const source of map.sources) {
    const resolved = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? '', source));
    if (!files.has(resolved)) report(`${file} points at ${resolved}, which is not in the tarball`);
  }
}

/** Every bare specifier a built module imports must be a dependency or a peer dependency. */
function checkImports(dir, file, manifest, report) {
  const source = readFileSync(join(dir, file), 'utf8');
  const declared = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  const specifiers = [
    ...source.matchAll(
      /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  for (const specifier of specifiers) {
    if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (!declared.has(name)) report(`${file} imports "${specifier}", but "${name}" is not in dependencies or peerDependencies`);
  }
}
