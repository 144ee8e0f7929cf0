// Opens the playground in headless Chromium (Debian's, never a downloaded browser) with the
// network closed to everything but loopback, runs a query with the Run button and prints one
// JSON object: the tabs, the response panel's text, every URL the page asked for, whether an
// outside address was reachable, and the page's errors.
// Usage: node playground_browser.mjs <playground url> <screenshot.png> <query> [headers JSON]
// The headers go into GraphiQL's Headers editor, where a user pastes a token.
// CHROMIUM_PATH names the browser (default /usr/bin/chromium).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, screenshot, query, headers] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'gridlink-chromium-'));
// A persistent context on a fresh, empty profile: no saved tabs, no cache.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 860 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // Nothing listens on port 9: every request through this proxy fails. Chromium sends
    // loopback addresses direct, so only the service itself can answer.
    '--proxy-server=http://127.0.0.1:9',
  ],
});
const out = { tabs: [], response: null, requests: [], failed: [], outside: null, errors: [] };
try {
  const page = await browser.newPage();
  page.on('request', (r) => out.requests.push(r.url()));
  page.on('requestfailed', (r) => out.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('pageerror', (e) => out.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && out.errors.push(m.text()));

  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20000 });
  out.tabs = await page.$$eval('.graphiql-tab-button', (tabs) => tabs.map((t) => t.textContent.trim()));

  // The editor is CodeMirror 5: its API is on the element. Typing would fight auto-closing brackets.
  await page.evaluate((q) => {
    document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q);
    document.querySelector('.graphiql-editor-tool .CodeMirror')?.CodeMirror.setValue('');
  }, query);
  if (headers) {
    await page.click('.graphiql-editor-tools button[data-name="headers"]');
    await page.evaluate((h) => {
      const editors = document.querySelectorAll('.graphiql-editor-tool .CodeMirror');
      editors[editors.length - 1].CodeMirror.setValue(h); // variables first, then headers
    }, headers);
  }
  // GraphiQL reads the operation's name from the editor a moment later; the active tab takes
  // that name, and only then does Run send the new operation rather than the example's.
  const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  if (name) {
    await page.waitForFunction(
      (n) => document.querySelector('.graphiql-tab-active .graphiql-tab-button')?.textContent.trim() === n,
      name,
      { timeout: 10000 },
    );
  }
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(
    () => {
      const cm = document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror;
      if (!cm || !cm.getValue().trim()) return false;
      try {
        JSON.parse(cm.getValue());
        return true;
      } catch {
        return false;
      }
    },
    null,
    { timeout: 20000 },
  );
  out.response = await page.evaluate(
    () => document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue(),
  );
  await page.screenshot({ path: screenshot });
  // The page's own requests and errors end here; the probe below tries a CDN on purpose.
  page.removeAllListeners('request');
  page.removeAllListeners('console');
  page.removeAllListeners('requestfailed');
  out.outside = await page.evaluate(() =>
    fetch('https://unpkg.com/react@18.2.0/umd/react.production.min.js', { mode: 'no-cors' }).then(
      () => 'reached',
      (e) => `blocked: ${e}`,
    ),
  );
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(out));
