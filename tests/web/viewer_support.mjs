// Shared by the browser tests (viewer and report) and the viewer benchmark: the munisim binary,
// temporary folders, fixture outputs, Debian's Python (h5py) to read outputs independently, and
// `munisim view` as a child process that is killed on every path.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const munisimBin = process.env.MUNISIM_BIN ?? path.join(repoRoot, 'build/bin/munisim');

export function tempDir(prefix = 'munisim-viewer-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// Debian's python3 (the one with h5py and numpy) run to its end; its stdout. Throws, with its
// stderr, on a non-zero exit or after timeoutMs.
export function python(args, timeoutMs = 60000) {
  return execFileSync('/usr/bin/python3', args, { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
}

export function makeOutput(file, ...options) {
  python([path.join(here, 'fixtures/make_output.py'), file, ...options]);
  return file;
}

// A Python expression over the open file `f` (h5py) and numpy `np`, returned as JSON.
export function h5(file, expression) {
  const script = `import json, sys, h5py, numpy as np\nwith h5py.File(sys.argv[1]) as f:\n    print(json.dumps(${expression}))`;
  return JSON.parse(python(['-c', script, file]));
}

// `munisim view ARGS` in its own process group, its output collected. stop() kills the group (if
// still running) and resolves with the exit code once it has exited, as does `exited`.
export function spawnView(args) {
  const child = spawn(munisimBin, ['view', ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    return exited;
  };
  return { child, exited, stop, stdout: () => stdout, stderr: () => stderr };
}

// Runs `munisim view` to its end (for files it must refuse); {code, stderr}.
export async function viewExit(files, timeoutMs = 20000) {
  const view = spawnView(files);
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; view.stop(); }, timeoutMs);
  const code = await view.exited;
  clearTimeout(timer);
  if (timedOut) throw new Error(`munisim view did not exit: ${view.stderr()}`);
  return { code, stderr: view.stderr() };
}

// Starts `munisim view` and resolves once it prints its URL; stop() kills its process group.
export async function startViewer(files, extra = [], timeoutMs = 20000) {
  const view = spawnView([...files, ...extra]);
  const output = () => view.stdout() + view.stderr();
  try {
    const match = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL from munisim view: ${output()}`)), timeoutMs);
      const look = () => {
        const found = output().match(/http:\/\/127\.0\.0\.1:(\d+)\//);
        if (found) { clearTimeout(timer); resolve(found); }
      };
      view.child.stdout.on('data', look);
      view.child.stderr.on('data', look);
      view.exited.then((code) => { clearTimeout(timer); reject(new Error(`munisim view exited (${code}): ${output()}`)); });
    });
    return { url: match[0], port: Number(match[1]), child: view.child, stop: view.stop, output };
  } catch (error) {
    await view.stop();
    throw error;
  }
}

// Opens the page and waits until it has drawn; collects every request it makes.
export async function openViewer(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const ok = await page.evaluate(() => window.viewer.ready);
  return { page, requests, errors, ok };
}
