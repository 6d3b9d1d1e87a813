// The web viewer (munisim view + viz/web) on hand-built outputs with known values
// (fixtures/make_output.py): what the page shows is checked against the file read with h5py.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { launchBrowser } from './browser.mjs';
import { h5, makeOutput, openViewer, python, startViewer, tempDir, viewExit } from './viewer_support.mjs';

const limit = { timeout: 90000 };
const kpi = 'waste_collected_t';

// The default fixture, built once and only read by every test, and its district centroids.
const fixtures = tempDir();
after(() => fixtures.remove());
const defaultOutput = makeOutput(fixtures.file('a.h5'));
const centroidsX = h5(defaultOutput, "f['geometry/districts/centroid_x'][...].tolist()");

// The page's own drawing of the map and legend, as RGB.
async function mapPixel(page, x, y) {
  return page.evaluate(([mx, my]) => {
    const [px, py] = window.viewer.map.project(mx, my);
    return Array.from(document.getElementById('map').getContext('2d').getImageData(Math.round(px), Math.round(py), 1, 1).data.slice(0, 3));
  }, [x, y]);
}

// The map's pixels in a square of 2 * half + 1 pixels centred on (x, y) metres, as RGB triples.
async function mapPatch(page, x, y, half = 3) {
  return page.evaluate(([mx, my, h]) => {
    const [px, py] = window.viewer.map.project(mx, my);
    const data = document.getElementById('map').getContext('2d').getImageData(Math.round(px) - h, Math.round(py) - h, 2 * h + 1, 2 * h + 1).data;
    return Array.from({ length: data.length / 4 }, (_, i) => Array.from(data.slice(4 * i, 4 * i + 3)));
  }, [x, y, half]);
}

async function legendPixel(page, position) {
  return page.evaluate((p) => {
    const canvas = document.getElementById('legend-ramp');
    const x = Math.round(Math.min(Math.max(p, 0), 1) * (canvas.width - 1));
    return Array.from(canvas.getContext('2d').getImageData(x, 7, 1, 1).data.slice(0, 3));
  }, position);
}

async function hideLayers(page, layers) {
  for (const layer of layers) await page.uncheck(`#layer-${layer}`);
}

function assertClose(actual, expected, tolerance, what) {
  actual.forEach((channel, i) => assert.ok(Math.abs(channel - expected[i]) <= tolerance, `${what}: ${actual} vs ${expected}`));
}

// District rows of the table as {name: [numbers]} from the cells' exact values.
async function tableValues(page) {
  return page.$$eval('#values tbody tr', (rows) => Object.fromEntries(rows.map((row) => [
    row.querySelector('th').textContent, Array.from(row.querySelectorAll('td')).map((td) => Number(td.dataset.value))])));
}

describe('one run', () => {
  let viewer, browser, page, requests, file;
  before(async () => {
    file = defaultOutput;
    viewer = await startViewer([file]);
    browser = await launchBrowser();
    ({ page, requests } = await openViewer(browser, viewer.url));
  });
  after(async () => {
    await browser?.close();
    await viewer?.stop();
  });

  test('title and legend say what, when, the unit and the range', limit, async () => {
    const title = await page.textContent('#title');
    const date = h5(file, "f['meta/dates'].asstr()[0]");
    assert.ok(title.includes('fixture-a') && title.includes(kpi) && title.includes(date), title);
    const values = h5(file, `f['series/${kpi}'][...].tolist()`).flat();
    const legend = await page.textContent('#legend-text');
    assert.ok(legend.includes(`${Math.min(...values)} to ${Math.max(...values)} t`), legend);
  });

  test('the table equals the file for the day shown, and slider and keys change it', limit, async () => {
    const names = h5(file, `list(f['series/${kpi}'].attrs['labels_district'])`);
    const check = async (day) => {
      const expected = h5(file, `f['series/${kpi}'][${day}].tolist()`);
      const shown = await tableValues(page);
      names.forEach((name, i) => assert.equal(shown[name][0], expected[i], `${name} on day ${day}`));
    };
    await page.evaluate(() => window.viewer.setDay(0));
    await check(0);
    await page.focus('#day');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.viewer.state.day === 1);
    await check(1);
    await page.fill('#day', '3');
    await page.waitForFunction(() => window.viewer.state.day === 3);
    await check(3);
    // Sorting by value, descending, by keyboard on the column's button.
    await page.focus('#values thead th:nth-child(2) button');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const order = await page.$$eval('#values tbody td', (cells) => cells.map((c) => Number(c.dataset.value)));
    assert.deepEqual(order, [...order].sort((a, b) => b - a));
  });

  test('play advances the clock on a day with traces, and the vehicles shown are the traces at that time', limit, async () => {
    await page.evaluate(() => window.viewer.setDay(0));
    await page.waitForFunction(() => window.viewer.state.traceDay !== null);
    const before = await page.textContent('#clock');
    await page.click('#play');
    await page.waitForFunction((b) => document.getElementById('clock').textContent !== b, before);
    await page.click('#play');
    assert.notEqual(await page.textContent('#clock'), before);
    const rows = h5(file, "{k: f['events/day_1/' + k][...].tolist() for k in ['vehicle', 'edge', 'enter_s', 'exit_s']}");
    const edges = h5(file, "{k: f['geometry/network_edges/' + k][...].tolist() for k in ['from', 'to']}");
    const nodes = h5(file, "{k: f['geometry/network_nodes/' + k][...].tolist() for k in ['x', 'y']}");
    for (const seconds of [6 * 3600 + 90, 6 * 3600 + 600 + 30, 6 * 3600 + 1500, 5 * 3600]) {
      await page.evaluate((s) => window.viewer.setClock(s), seconds);
      // Documented rule (docs/output-format.md): on an edge between entry and exit, moving evenly.
      const expected = [];
      rows.vehicle.forEach((v, i) => {
        if (rows.enter_s[i] <= seconds && seconds < rows.exit_s[i]) {
          const f = (seconds - rows.enter_s[i]) / (rows.exit_s[i] - rows.enter_s[i]);
          const a = edges.from[rows.edge[i]];
          const b = edges.to[rows.edge[i]];
          expected.push({ vehicle: v, x: nodes.x[a] + (nodes.x[b] - nodes.x[a]) * f, y: nodes.y[a] + (nodes.y[b] - nodes.y[a]) * f });
        }
      });
      const shown = await page.evaluate(() => window.viewer.map.vehicles.map(({ vehicle, x, y }) => ({ vehicle, x, y })));
      assert.equal(shown.length, expected.length, `vehicles at ${seconds} s`);
      shown.sort((a, b) => a.vehicle - b.vehicle).forEach((v, i) => {
        assert.equal(v.vehicle, expected[i].vehicle);
        assert.ok(Math.abs(v.x - expected[i].x) < 1e-6 && Math.abs(v.y - expected[i].y) < 1e-6, `vehicle ${v.vehicle}`);
      });
      assert.ok((await page.textContent('#vehicle-count')).startsWith(String(expected.length)));
    }
    // Clicking a vehicle names it, its type and its load.
    await page.evaluate(() => window.viewer.setClock(6 * 3600 + 90));
    const [px, py] = await page.evaluate(() => window.viewer.map.project(window.viewer.map.vehicles[0].x, window.viewer.map.vehicles[0].y));
    await page.click('#map', { position: { x: px, y: py } });
    assert.match(await page.textContent('#vehicle-info'), /veh-0: waste truck, load 0\.5 t/);
    // The fixture's bus (veh-1) leaves at 06:10 and its combi (veh-2) at 06:20, one edge a minute,
    // carrying 0.5 passengers more on each edge: five minutes in, 2.5 passengers.
    for (const [seconds, text] of [[6 * 3600 + 930, /veh-1: bus, load 2\.5 passengers/],
      [6 * 3600 + 1530, /veh-2: combi, load 2\.5 passengers/]]) {
      await page.evaluate((s) => window.viewer.setClock(s), seconds);
      const shown = await page.evaluate(() => window.viewer.map.vehicles.map(({ kind }) => kind));
      assert.equal(shown.length, 1);
      const [vx, vy] = await page.evaluate(() => window.viewer.map.project(window.viewer.map.vehicles[0].x, window.viewer.map.vehicles[0].y));
      await page.click('#map', { position: { x: vx, y: vy } });
      assert.match(await page.textContent('#vehicle-info'), text);
    }
    // Each kind has a legend entry in the colour the map draws it.
    const legend = await page.$$eval('#vehicle-legend .vehicle-kind', (spans) => spans.map((span) => ({
      label: span.textContent, colour: getComputedStyle(span.querySelector('.swatch')).backgroundColor })));
    const colours = await page.evaluate(() => window.viewer.vehicleColours);
    const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    assert.deepEqual(legend, [['waste truck', 'waste_truck'], ['bus', 'bus'], ['combi', 'combi']]
      .map(([label, kind]) => ({ label, colour: rgb(colours[kind]) })));
  });

  test('a one-way street (no reverse edge) is drawn, whichever way it runs', limit, async () => {
    const edges = h5(file, "{k: f['geometry/network_edges/' + k][...].tolist() for k in ['from', 'to']}");
    const nodes = h5(file, "{k: f['geometry/network_nodes/' + k][...].tolist() for k in ['x', 'y']}");
    const twoWay = new Set(edges.from.map((a, e) => `${a}-${edges.to[e]}`));
    const oneWay = edges.from.findIndex((a, e) => !twoWay.has(`${edges.to[e]}-${a}`));
    assert.ok(oneWay >= 0 && edges.to[oneWay] < edges.from[oneWay], 'the fixture has a one-way street to a lower node');
    const [a, b] = [edges.from[oneWay], edges.to[oneWay]];
    const [mx, my] = [(nodes.x[a] + nodes.x[b]) / 2, (nodes.y[a] + nodes.y[b]) / 2];
    await hideLayers(page, ['lines', 'stops', 'names', 'vehicles']);
    const withStreets = await mapPatch(page, mx, my);
    await page.uncheck('#layer-streets');
    const withoutStreets = await mapPatch(page, mx, my);
    await page.check('#layer-streets');
    assert.notDeepEqual(withStreets, withoutStreets, 'the street shows between its two nodes');
  });

  test('with streets, lines, stops, names and vehicles hidden, each district has its legend colour', limit, async () => {
    await page.evaluate(() => window.viewer.setDay(2));
    await hideLayers(page, ['streets', 'lines', 'stops', 'names', 'vehicles']);
    const values = h5(file, `f['series/${kpi}'][...].tolist()`);
    const min = Math.min(...values.flat());
    const max = Math.max(...values.flat());
    const pixels = [];
    for (const [d, cx] of centroidsX.entries()) {
      const pixel = await mapPixel(page, cx, 800);
      assertClose(pixel, await legendPixel(page, (values[2][d] - min) / (max - min)), 3, `district ${d}`);
      pixels.push(pixel);
    }
    assert.notDeepEqual(pixels[0], pixels[pixels.length - 1]);
  });

  test('keyboard: the map takes focus, shows a visible outline and a district tooltip', limit, async () => {
    await page.focus('#layer-vehicles');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'map');
    const outline = await page.$eval('#map', (canvas) => getComputedStyle(canvas).outlineStyle);
    assert.notEqual(outline, 'none');
    await page.keyboard.press(']');
    const tip = await page.textContent('#tooltip');
    assert.match(tip, /^Distrito A: [\d.,]+ t$/);
  });

  test('Spanish labels', limit, async () => {
    await page.selectOption('#language', 'es');
    assert.equal(await page.textContent('#play'), 'Reproducir');
    assert.match(await page.textContent('#legend-text'), /de 10 a 44 t/);
    assert.match(await page.textContent('#runs'), /Archivo.*Escenario.*Semilla/);
    await page.selectOption('#language', 'en');
  });

  test('save picture writes a PNG', limit, async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.match(download.suggestedFilename(), /^munisim-waste_collected_t-2024-01-0\d\.png$/);
  });

  test('the saved picture carries the clock and the vehicle legend while vehicles are on the map', limit, async () => {
    await page.check('#layer-vehicles');
    await page.evaluate(() => window.viewer.setDay(0));
    await page.waitForFunction(() => window.viewer.state.traceDay !== null);
    const picture = (seconds) => page.evaluate((s) => {
      window.viewer.setClock(s);
      const canvas = window.viewer.pictureCanvas();
      const map = document.getElementById('map');
      // The first swatch sits 56 px below the KPI legend's ramp, at the left margin.
      const swatch = [...canvas.getContext('2d').getImageData(14, map.height + 46 + 56 + 4, 1, 1).data.slice(0, 3)];
      return { height: canvas.height, mapHeight: map.height, swatch };
    }, seconds);
    const colours = await page.evaluate(() => window.viewer.vehicleColours);
    const truck = [1, 3, 5].map((i) => parseInt(colours.waste_truck.slice(i, i + 2), 16));
    const withVehicles = await picture(6 * 3600 + 90);
    assert.equal(withVehicles.height, withVehicles.mapHeight + 90 + 28);
    assert.deepEqual(withVehicles.swatch, truck);
    const withoutVehicles = await picture(3 * 3600);
    assert.equal(withoutVehicles.height, withoutVehicles.mapHeight + 90);
    await hideLayers(page, ['vehicles']);
    const vehiclesHidden = await picture(6 * 3600 + 90);
    assert.equal(vehiclesHidden.height, vehiclesHidden.mapHeight + 90);
  });

  test('loopback only: listens on 127.0.0.1, serves nothing but the page and the API, fetches nothing elsewhere', limit, async () => {
    const listening = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1).map((line) => line.trim().split(/\s+/))
      .filter((f) => f[3] === '0A' && parseInt(f[1].split(':')[1], 16) === viewer.port).map((f) => f[1].split(':')[0]);
    assert.deepEqual(listening, ['0100007F']);
    const others = Object.values(networkInterfaces()).flat().filter((a) => a.family === 'IPv4' && !a.internal);
    for (const address of others) {
      await assert.rejects(new Promise((resolve, reject) => {
        const socket = net.connect(viewer.port, address.address, () => { socket.destroy(); resolve(); });
        socket.on('error', reject);
      }));
    }
    const raw = (request) => new Promise((resolve, reject) => {
      const socket = net.connect(viewer.port, '127.0.0.1', () => socket.end(request));
      let answer = '';
      socket.on('data', (chunk) => { answer += chunk; });
      socket.on('end', () => resolve(answer.split('\r\n')[0]));
      socket.on('error', reject);
    });
    for (const target of ['/../CMakeLists.txt', '/js/../../../sim/app/main.cpp', '/etc/passwd', '/api/other',
      '/%2e%2e/%2e%2e/README.md', '/api/series?name=nothing', '/api/traces?day=9', '/api/geometry?run=1']) {
      // A 4xx answer, or none at all (the HTTP library drops paths that climb above the root).
      assert.match(await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), /^(HTTP\/1\.1 4\d\d .*)?$/, target);
    }
    assert.doesNotMatch(await raw('POST /api/catalogue HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'), / 200 /);
    const origin = viewer.url.replace(/\/$/, '');
    const elsewhere = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    assert.deepEqual(elsewhere, []);
  });
});

describe('two runs', () => {
  let dir, browser;
  before(async () => {
    dir = tempDir();
    makeOutput(dir.file('b.h5'), '--variant', 'b');
    makeOutput(dir.file('other.h5'), '--city', 'Otra Ciudad');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    dir?.remove();
  });

  async function compare(a, b, check) {
    const viewer = await startViewer([a, b]);
    try {
      const { page } = await openViewer(browser, viewer.url);
      await hideLayers(page, ['streets', 'lines', 'stops', 'names', 'vehicles']);
      await check(page);
    } finally {
      await viewer.stop();
    }
  }

  test('A against A is neutral everywhere', limit, async () => {
    await compare(defaultOutput, defaultOutput, async (page) => {
      assert.equal(await page.inputValue('#mode'), 'diff');
      const rows = Object.values(await tableValues(page));
      for (const [a, b, diff] of rows) { assert.equal(a, b); assert.equal(diff, 0); }
      for (const cx of centroidsX) assertClose(await mapPixel(page, cx, 800), await legendPixel(page, 0.5), 3, 'neutral');
    });
  });

  test('B (values 1.5 × A) against A shows positive differences on the warm side', limit, async () => {
    await compare(defaultOutput, dir.file('b.h5'), async (page) => {
      const a = h5(defaultOutput, `f['series/${kpi}'][0].tolist()`);
      const b = h5(dir.file('b.h5'), `f['series/${kpi}'][0].tolist()`);
      const rows = Object.values(await tableValues(page));
      rows.forEach(([shownA, shownB, diff], i) => {
        assert.equal(shownA, a[i]);
        assert.equal(shownB, b[i]);
        assert.ok(diff > 0 && Math.abs(diff - (b[i] - a[i])) < 1e-4);
      });
      for (const cx of centroidsX) {
        const [r, , blue] = await mapPixel(page, cx, 800);
        assert.ok(r > blue, `warm colour for a positive difference: ${r} vs ${blue}`);
      }
      assert.match(await page.textContent('#legend-text'), /^B − A, waste_collected_t: -?[\d.]+ to [\d.]+ t/);
      const runs = await page.textContent('#runs');
      assert.ok(runs.includes('fixture-a') && runs.includes('fixture-b') && runs.includes('7') && runs.includes('8'));
    });
  });

  test('runs of different cities are refused with a message', limit, async () => {
    const { code, stderr } = await viewExit([defaultOutput, dir.file('other.h5')]);
    assert.equal(code, 2);
    assert.match(stderr, /other\.h5: is a run of another city \(Otra Ciudad.*only runs of the same city can be compared/);
  });
});

describe('bad input', () => {
  let dir, browser;
  before(async () => {
    dir = tempDir();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    dir?.remove();
  });

  test('files that are not munisim outputs end with exit 2 and say what is wrong', limit, async () => {
    writeFileSync(dir.file('text.h5'), 'not an HDF5 file\n');
    const whole = readFileSync(defaultOutput);
    writeFileSync(dir.file('truncated.h5'), whole.subarray(0, Math.floor(whole.length / 2)));
    python(['-c', `import h5py\nwith h5py.File('${dir.file('foreign.h5')}', 'w') as f: f['data'] = [1, 2, 3]`]);
    makeOutput(dir.file('newer.h5'), '--format-version', '99');
    const cases = [
      ['missing.h5', /missing\.h5: cannot read output file/],
      ['text.h5', /text\.h5: is not an HDF5 file/],
      ['truncated.h5', /truncated\.h5: is (a damaged or truncated HDF5 file|not an HDF5 file|damaged)/],
      ['foreign.h5', /foreign\.h5: is not a munisim output \(no \/meta or \/series\)/],
      ['newer.h5', /newer\.h5: was written in output format 99 by a newer munisim/],
    ];
    for (const [name, message] of cases) {
      const { code, stderr } = await viewExit([dir.file(name)]);
      assert.equal(code, 2, `${name}: ${stderr}`);
      assert.match(stderr, message);
    }
  });

  test('outputs lacking geometry, traces or a unit open and say what is missing and how to get it', limit, async () => {
    const cases = [
      [['--no-geometry'], /no \/geometry, so there is no map.*munisim run/],
      [['--no-events'], /no vehicle traces \(\/events\).*output\.traces\.days/],
      [['--no-unit'], /series waste_collected_t has no unit/],
    ];
    for (const [options, message] of cases) {
      const file = makeOutput(dir.file(`${options[0]}.h5`), ...options);
      const viewer = await startViewer([file]);
      try {
        const { page, ok, errors } = await openViewer(browser, viewer.url);
        assert.ok(ok);
        assert.deepEqual(errors, []);
        assert.match(await page.textContent('#alerts'), message);
        assert.ok((await page.textContent('#title')).includes('fixture-a'));
      } finally {
        await viewer.stop();
      }
    }
  });
});
