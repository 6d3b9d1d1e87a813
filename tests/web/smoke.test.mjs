// The browser harness itself: Debian's Chromium starts headless and renders a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './browser.mjs';

test('chromium renders a page', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<title>munisim</title><p id="x">42</p>');
    assert.equal(await page.title(), 'munisim');
    assert.equal(await page.textContent('#x'), '42');
  } finally {
    await browser.close();
  }
});
