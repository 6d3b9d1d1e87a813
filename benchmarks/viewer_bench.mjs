// Web viewer benchmark (not a test): a city-year output (365 days × 50 districts × 100 series,
// ≥ 30,000 street edges, 2,000 traced vehicles) served by `munisim view` and opened in Debian's
// headless Chromium (software rendering, no GPU). Prints: first paint of map and plot after
// navigation, a day step's redraw, and frames per second of the animation by the page's own
// counter over 10 s.
//
//   cd tests/web && npm ci && MUNISIM_BIN=../../build/bin/munisim node ../../benchmarks/viewer_bench.mjs
import { cpus, loadavg } from 'node:os';
import { launchBrowser } from '../tests/web/browser.mjs';
import { makeOutput, startViewer, tempDir } from '../tests/web/viewer_support.mjs';

const dir = tempDir();
let viewer;
let browser;
try {
  // 50 districts side by side, 14 × 14 street nodes each: 37,772 directed grid edges and the fixture's one-way diagonal.
  const file = makeOutput(dir.file('city-year.h5'), '--districts', '50', '--grid', '14', '--days', '365', '--series', '100',
    '--vehicles', '2000', '--edges-per-vehicle', '600');
  viewer = await startViewer([file]);
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(viewer.url);
  // The page notes when the coloured map and the plot are first drawn, in ms since navigation.
  await page.waitForFunction(() => window.viewer?.state.firstPaintMs !== undefined, null, { timeout: 120000 });
  const firstPaint = Math.round(await page.evaluate(() => window.viewer.state.firstPaintMs));
  const loaded = Math.round(await page.evaluate(async () => { await window.viewer.ready; return performance.now(); }));
  const edges = await page.evaluate(() => window.viewer.map.shapes.edgeFrom.length);
  const series = await page.evaluate(() => window.viewer.state.runs[0].series.length);
  const steps = [];
  for (let day = 10; day < 30; ++day) {
    steps.push(await page.evaluate(async (d) => {
      const t0 = performance.now();
      await window.viewer.setDay(d);
      return performance.now() - t0;
    }, day));
  }
  steps.sort((a, b) => a - b);
  await page.evaluate(async () => {
    await window.viewer.setDay(0);
    window.viewer.setClock(6 * 3600 + 595 * 60);  // every vehicle is on the street from 15:50 to 16:00
    document.getElementById('speed').value = '1';
    window.viewer.state.speed = 1;
    window.viewer.setPlaying(true);
  });
  const fps = [];
  for (let second = 0; second < 10; ++second) {
    await page.waitForTimeout(1000);
    fps.push(await page.evaluate(() => window.viewer.frames.fps));
  }
  const shown = await page.evaluate(() => window.viewer.map.vehicles.length);
  await page.evaluate(() => window.viewer.setPlaying(false));
  // The page's own work for one animation frame (positions of every vehicle, then the drawing), to
  // tell it apart from a busy machine's scheduling.
  const frameWork = await page.evaluate(() => {
    const t0 = performance.now();
    for (let i = 0; i < 100; ++i) window.viewer.setClock(6 * 3600 + 595 * 60 + i);
    return (performance.now() - t0) / 100;
  });
  const mean = fps.slice(1).reduce((a, b) => a + b, 0) / (fps.length - 1);
  console.log(`output: 365 days, 50 districts, ${series} series, ${edges} edges, 2000 traced vehicles`);
  console.log(`first paint of map and plot after navigation: ${firstPaint} ms (the first day's traces loaded at ${loaded} ms)`);
  console.log(`day step redraw: median ${steps[steps.length >> 1].toFixed(1)} ms, worst ${steps[steps.length - 1].toFixed(1)} ms`);
  console.log(`one animation frame's work with 2000 vehicles: ${frameWork.toFixed(1)} ms`);
  console.log(`load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log(`animation with ${shown} vehicles on the street: ${mean.toFixed(1)} fps (page's counter, 10 s; per second: ${fps.map((f) => f.toFixed(0)).join(' ')})`);
} finally {
  await browser?.close();
  await viewer?.stop();
  dir.remove();
}
