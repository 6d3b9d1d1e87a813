// Shared by the viewer tests and benchmark: fixture outputs, the viewer server as a child process
// that is killed on every path, and HDF5 values read independently with h5py.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const munisimBin = process.env.MUNISIM_BIN ?? path.join(here, '../../build/bin/munisim');
const python = '/usr/bin/python3';

export function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'munisim-viewer-'));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeOutput(file, ...options) {
  execFileSync(python, [path.join(here, 'fixtures/make_output.py'), file, ...options], { stdio: 'inherit' });
  return file;
}

// A Python expression over the open file `f` (h5py) and numpy `np`, returned as JSON.
export function h5(file, expression) {
  const script = `import json, sys, h5py, numpy as np\nwith h5py.File(sys.argv[1]) as f:\n    print(json.dumps(${expression}))`;
  return JSON.parse(execFileSync(python, ['-c', script, file], { encoding: 'utf8' }));
}

// Runs `munisim view` to its end (for files it must refuse); {code, stderr}.
export function viewExit(files, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const child = spawn(munisimBin, ['view', ...files], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => { process.kill(-child.pid, 'SIGKILL'); reject(new Error('munisim view did not exit')); }, timeoutMs);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
  });
}

// Starts `munisim view` and resolves once it prints its URL; stop() kills its process group.
export function startViewer(files, extra = [], timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const child = spawn(munisimBin, ['view', ...files, ...extra], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const stop = () => new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      try { process.kill(-child.pid, 'SIGKILL'); } catch { done(); }
    });
    const timer = setTimeout(() => { stop(); reject(new Error(`no URL from munisim view: ${output}`)); }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[0], port: Number(match[1]), child, stop, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`munisim view exited (${code}): ${output}`)); });
  });
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
