// A disk cache of what the loader emits, so a start that finds its modules unchanged does not load
// TypeScript at all: requiring it takes 0.3 s, and transpiling the ~200 files of the packages run
// from source took 2 s of every `npm run hamilton-ts` and every worker thread.
//
// One entry per source file, named by its path and overwritten when the file, its tsconfig.json chain,
// the TypeScript version or the loader's emit change: the cache holds as many entries as files, however
// often they are edited. Entries are written to a temporary name and renamed, so a reader in another
// process or thread sees a whole entry or none. Any failure to read or write just means a miss.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * `node_modules/.cache/hamilton-ts-ts-loader` of the install this loader belongs to (removed with
 * node_modules, as other tools' caches are), or the system's temporary directory outside of one.
 */
function defaultDirectory() {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'hamilton-ts-ts-loader');
    if (dirname(dir) === dir) return join(tmpdir(), 'hamilton-ts-ts-loader');
  }
}

/**
 * @param {{ emitter: string, directory?: string }} options `emitter`: the code that emits (hooks.js's own
 *   source), so that a change to how it transpiles misses every entry it wrote before; `directory`: where
 *   entries are kept.
 * @returns {{ read(path: string, source: string, configPath: string | undefined): string | undefined,
 *   write(path: string, source: string, configFiles: string[], output: string): void }}
 *   `configFiles`: the tsconfig.json used and the files it extends, as TypeScript read them.
 * @example
 * const cache = createTranspileCache({ emitter: readFileSync(fileURLToPath(import.meta.url), 'utf8') });
 */
export function createTranspileCache({ emitter, directory = defaultDirectory() }) {
  const emitterHash = hash(emitter);
  /** Per tsconfig.json path: its content and that of the files it extends, hashed; read once per process. */
  const fingerprints = new Map();
  /** Configs whose chain this process wrote down. */
  const indexed = new Set();
  let created = false;
  let typescriptVersion;

  function version() {
    typescriptVersion ??= readTypescriptVersion();
    return typescriptVersion;
  }

  function fingerprintOf(files) {
    return hash(files.map((file) => `${file}\0${readFileSync(file, 'utf8')}`).join('\0'));
  }

  /** The fingerprint of a config's chain, from the list of files the last transpile found it extends. */
  function configFingerprint(configPath) {
    if (configPath === undefined) return 'no tsconfig.json';
    let fingerprint = fingerprints.get(configPath);
    if (fingerprint === undefined) {
      const chain = JSON.parse(readFileSync(join(directory, `config-${hash(configPath)}.json`), 'utf8'));
      fingerprint = fingerprintOf(chain);
      fingerprints.set(configPath, fingerprint);
    }
    return fingerprint;
  }

  const keyOf = (path, source, fingerprint) => hash([emitterHash, version(), path, fingerprint, source].join('\0'));
  const entryPath = (path) => join(directory, `${hash(path)}.js`);

  return {
    read(path, source, configPath) {
      try {
        const entry = readFileSync(entryPath(path), 'utf8');
        const key = keyOf(path, source, configFingerprint(configPath));
        return entry.startsWith(`// ${key}\n`) ? entry.slice(key.length + 4) : undefined;
      } catch {
        return undefined;
      }
    },
    write(path, source, configFiles, output) {
      try {
        if (!created) mkdirSync(directory, { recursive: true });
        created = true;
        const [configPath] = configFiles;
        // Once per config and process: the chain TypeScript reported is the same for every file under it.
        if (configPath !== undefined && !indexed.has(configPath)) {
          writeAtomically(join(directory, `config-${hash(configPath)}.json`), JSON.stringify(configFiles));
          fingerprints.set(configPath, fingerprintOf(configFiles));
          indexed.add(configPath);
        }
        writeAtomically(entryPath(path), `// ${keyOf(path, source, configFingerprint(configPath))}\n${output}`);
      } catch {
        // a read-only or full disk: the next start transpiles again
      }
    },
  };
}

function writeAtomically(path, text) {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** The installed TypeScript's version, read from its package.json without loading the compiler. */
function readTypescriptVersion() {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;
}
