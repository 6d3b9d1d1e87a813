import { launchBrowser } from './browser.mjs';
import { makeOutput, openViewer, startViewer } from './viewer_support.mjs';
const out = '/work/screens';
const browser = await launchBrowser();
const shots = [
  ['map', ['/tmp/vw/demo-tr.h5'], async (page) => { await page.evaluate(() => window.viewer.setDay(4)); }],
  ['animation', ['/tmp/vw/demo-tr.h5'], async (page) => {
    await page.evaluate(async () => { await window.viewer.setDay(0); window.viewer.setClock(9 * 3600); });
    await page.click('#play'); await page.waitForTimeout(1500); await page.click('#play');
    const v = await page.evaluate(() => window.viewer.map.vehicles[0]);
    if (v) { const [x, y] = await page.evaluate(([a, b]) => window.viewer.map.project(a, b), [v.x, v.y]); await page.click('#map', { position: { x, y } }); }
  }],
  ['comparison', ['/tmp/vw/a.h5', '/tmp/vw/b.h5'], async (page) => { await page.selectOption('#split', 'district'); }],
  ['error-no-geometry', [makeOutput('/tmp/vw/nogeo.h5', '--no-geometry', '--no-unit')], async () => {}],
  ['map-es', ['/tmp/vw/a.h5'], async (page) => { await page.selectOption('#language', 'es'); await page.focus('#map'); await page.keyboard.press(']'); await page.keyboard.press(']'); }],
];
for (const [name, files, act] of shots) {
  const viewer = await startViewer(files);
  try {
    const { page } = await openViewer(browser, viewer.url);
    await act(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    await page.close();
  } finally { await viewer.stop(); }
}
await browser.close();
