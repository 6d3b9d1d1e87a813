// The HTML report in Chromium: its headline numbers are the output's values (read with h5py) as
// formatted by the report's rules, and a baseline comparison shows the expected signs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { munisimBin, python, repoRoot as repo, tempDir } from './viewer_support.mjs';

const screens = process.env.MUNISIM_SCREENS;  // where to save screenshots to look at (optional)
let dir;
let browser;

function run(...args) {
  return spawnSync(munisimBin, args, { encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL' });
}

function ok(...args) {
  const result = run(...args);
  assert.equal(result.status, 0, result.stderr);
}

// Each series condensed as the report's KPI summary does: days summed over cells, then the run's
// total, mean per day or last day; from the file, independently of munisim.
function kpisFromFile(file) {
  const script = `
import h5py, json, sys
out = {}
with h5py.File(sys.argv[1]) as f:
    for name, ds in f["series"].items():
        values = ds[()]
        daily = values.reshape(values.shape[0], -1).sum(axis=1)
        summary = ds.attrs["summary"]
        if summary == "none" and values[0].size == 1: summary = "last"
        value = {"total": daily.sum(), "mean": daily.mean(), "last": daily[-1]}.get(summary)
        if value is not None: out[name] = {"value": float(value), "unit": ds.attrs["unit"]}
print(json.dumps(out))`;
  return JSON.parse(python(['-c', script, file]));
}

// The report's number rules (docs/output-format.md, "The HTML report"), written again here.
const minus = '\u2212';
function digits(magnitude, decimals) {
  const [whole, fraction] = magnitude.toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
function number(value) {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0';
  const decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 ? 2
    : Math.min(6, 2 - Math.floor(Math.log10(magnitude)));
  const text = digits(magnitude, decimals);
  return (value < 0 && /[1-9]/.test(text) ? minus : '') + text;
}
function quantity(value, unit) {
  if (unit === '1') {
    const percent = 100 * value;
    if (percent === 0) return '0 %';
    const text = digits(Math.abs(percent), Math.abs(percent) >= 10 ? 1 : 2);
    return (percent < 0 && /[1-9]/.test(text) ? minus : '') + text + ' %';
  }
  if (unit === 'soles') return `S/ ${number(value)}`;
  return `${number(value)} ${unit.toLowerCase() === 'tco2e' ? 'tCO2e' : unit}`;
}

async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${file}`);
  return { page, requests };
}

before(() => {
  dir = tempDir('munisim-report-');
  const demo = path.join(repo, 'scenarios/demo.yaml');
  ok('run', demo, '--out', dir.file('base.h5'), '--days', '7', '--quiet');
  ok('run', demo, '--out', dir.file('one-truck.h5'), '--days', '7', '--quiet', '--set', 'waste.fleet.trucks=1');
  return launchBrowser().then((started) => { browser = started; });
});

after(async () => {
  await browser?.close();
  dir?.remove();
});

test('the headline numbers are the file\'s values, formatted', async () => {
  const output = dir.file('one-truck.h5');
  const html = dir.file('report.html');
  ok('report', output, '-o', html);
  const expected = kpisFromFile(output);
  const { page, requests } = await open(html);
  try {
    assert.equal(await page.title(), 'munisim report: Villa Demo: demo');
    const cells = await page.$$eval('td.value[data-kpi]', (tds) => tds.map((td) => ({
      id: td.dataset.kpi, value: Number(td.dataset.value), text: td.textContent })));
    const ids = cells.map((cell) => cell.id);
    for (const id of ['waste_collected_t', 'waste_street_stock_t', 'waste_collection_coverage_share',
      'waste_cost_soles', 'waste_emissions_tco2e', 'mobility_trips']) assert.ok(ids.includes(id), id);
    let checked = 0;
    for (const cell of cells) {
      const file = expected[cell.id];
      if (!file) continue;  // a derived KPI
      assert.ok(Math.abs(cell.value - file.value) <= 1e-9 * Math.max(1, Math.abs(file.value)), cell.id);
      assert.equal(cell.text, quantity(file.value, file.unit), cell.id);
      checked += 1;
    }
    assert.ok(checked >= 20, `${checked} headline values checked`);
    const collected = cells.find((cell) => cell.id === 'waste_collected_t').text;
    assert.match(collected, /^\d{1,3}(,\d{3})*(\.\d+)? t$/);
    assert.equal(cells.find((cell) => cell.id === 'waste_cost_soles').text.startsWith('S/ '), true);
    // Sections by service, maps with legends, tables with captions, no request off the file.
    const headings = await page.$$eval('h3', (hs) => hs.map((h) => h.textContent));
    for (const heading of ['Waste collection', 'Transport', 'Climate', 'Money', 'By gender', 'By income group'])
      assert.ok(headings.includes(heading), heading);
    assert.ok(await page.locator('svg.map').count() >= 3);
    const legend = await page.$$eval('svg.map', (maps) => maps[0].getAttribute('aria-label'));
    assert.match(legend, /, t, from [\d,.]+ t to [\d,.]+ t$/);
    assert.equal(await page.locator('table:not(:has(caption))').count(), 0);
    assert.ok((await page.locator('#other td').allTextContents()).join(' ').length > 0);
    assert.deepEqual(requests.filter((url) => !url.startsWith('file://')), []);
    if (screens) await page.screenshot({ path: path.join(screens, 'report.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('a baseline comparison shows the expected signs, and a run against itself none', async () => {
  const output = dir.file('one-truck.h5');
  const baseline = dir.file('base.h5');
  const html = dir.file('compare.html');
  ok('report', output, '--baseline', baseline, '-o', html);
  const now = kpisFromFile(output);
  const before = kpisFromFile(baseline);
  const { page } = await open(html);
  try {
    assert.match(await page.textContent('#comparison'), /Compared with the baseline run demo \(base\.h5/);
    const direction = async (id) => page.textContent(`[data-direction="${id}"]`);
    // One truck instead of three: less collected, more left on the street and dumped.
    assert.equal(await direction('waste_collected_t'), '\u25BC lower, worse');
    assert.equal(await direction('waste_street_stock_t'), '\u25B2 higher, worse');
    assert.equal(await direction('waste_illegally_dumped_t'), '\u25B2 higher, worse');
    assert.equal(await direction('waste_truck_km'), '\u25BC lower');
    assert.equal(await direction('waste_generated_t'), '= no change');
    const differences = await page.$$eval('td.diff[data-kpi]', (tds) => tds.map((td) => ({
      id: td.dataset.kpi, difference: Number(td.dataset.difference), text: td.textContent })));
    for (const { id, difference, text } of differences) {
      if (!now[id]) continue;
      const expected = now[id].value - before[id].value;
      assert.ok(Math.abs(difference - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), id);
      const shown = text.replace(/^S\/ /, '');
      if (expected > 0) assert.ok(shown.startsWith('+'), `${id}: ${text}`);
      if (expected < 0) assert.ok(shown.startsWith(minus), `${id}: ${text}`);
    }
    if (screens) await page.screenshot({ path: path.join(screens, 'report-comparison.png'), fullPage: true });
  } finally {
    await page.close();
  }
  const same = dir.file('same.html');
  ok('report', baseline, '--baseline', baseline, '-o', same);
  const { page: samePage } = await open(same);
  try {
    const directions = await samePage.$$eval('[data-direction]', (tds) => tds.map((td) => td.textContent));
    assert.ok(directions.length > 20);
    assert.deepEqual([...new Set(directions)], ['= no change']);
  } finally {
    await samePage.close();
  }
});

test('a baseline of another city is refused with exit 2 and a message', () => {
  const other = dir.file('other.h5');
  ok('run', path.join(repo, 'scenarios/demo.yaml'), '--out', other, '--days', '2', '--quiet',
    '--set', 'city.name=Villa Otra');
  const refused = run('report', dir.file('base.h5'), '--baseline', other, '-o', dir.file('x.html'));
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /other\.h5: is a run of Villa Otra, not of Villa Demo .*same city/);
});
