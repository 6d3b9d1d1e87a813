// Starts Debian's Chromium for the browser tests; never a downloaded browser.
import { chromium } from 'playwright-core';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// loopback-only machine refuses; the tests must see only the page's own requests.
const chromiumFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.MUNISIM_CHROMIUM ?? '/usr/bin/chromium',
    args: chromiumFlags,
  });
}
