/*
 * Copyright 2026 The DORA Metrics for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Drives Chromium through an adopter's app (scripts/adopt.sh) after the worked
// example was pushed, and fails unless the entity card, the entity DORA tab,
// the team's DORA tab and the golden-path report show its figures for the
// worked example's window (2026-03-02 to 2026-03-09, picked as a custom range:
// the preset ranges end today).
//
// usage: node e2e-tests/adopt/browser.cjs BASE_URL SCREENSHOT_DIR
// Uses playwright-core from this repository's node_modules and Debian's
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
'use strict';

const path = require('path');
const { chromium } = require('playwright-core');

const [baseUrl, screenshots] = process.argv.slice(2);
if (!baseUrl || !screenshots) {
  console.error(
    'usage: node e2e-tests/adopt/browser.cjs BASE_URL SCREENSHOT_DIR',
  );
  process.exit(2);
}

const FROM = '2026-03-02';
const TO = '2026-03-09';
// The worked example's figures as the tiles print them (format.ts): median
// deployment days per week, lead-time median, change failure rate, recovery
// median (2.75 h rounded to a tenth) and rework rate, with each tile's detail.
const TILES = {
  deploymentFrequency: ['3 days/wk', '4 deployments on 3 days'],
  leadTime: ['14 h'],
  changeFailureRate: ['50 %', '2 of 4 deployments failed'],
  recoveryTime: ['2.8 h'],
  reworkRate: ['25 %', '1 of 4 deployments unplanned'],
};
const TIMEOUT = 120_000;

/** Waits until `locator`'s text contains `expected`; fails with what it showed. */
async function expectText(locator, expected, what) {
  const deadline = Date.now() + TIMEOUT;
  let last = '';
  while (Date.now() < deadline) {
    last =
      (await locator
        .first()
        .textContent()
        .catch(() => '')) ?? '';
    if (last.includes(expected)) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `${what}: expected "${expected}", page shows "${last.trim()}"`,
  );
}

async function signIn(page) {
  await page.goto(baseUrl);
  // The stock app's guest sign-in page, unless a session is already there.
  const enter = page.getByRole('button', { name: 'Enter' });
  const nav = page.getByRole('link', { name: /Golden paths/ });
  await enter.or(nav).first().waitFor({ timeout: TIMEOUT });
  if (await enter.isVisible()) await enter.click();
  await nav.first().waitFor({ timeout: TIMEOUT });
}

/**
 * Opens `url`, switches its time-range picker to the worked example's window
 * and waits for the API answer for that window (`route`).
 */
async function openWithWindow(page, url, route) {
  await page.goto(`${baseUrl}${url}`);
  const picker = page.locator('[aria-haspopup="listbox"]', {
    hasText: /Last \d+ days/,
  });
  await picker.first().click({ timeout: TIMEOUT });
  await page.getByRole('option', { name: 'Custom' }).click();
  const answer = page.waitForResponse(
    r =>
      r.url().includes(`/api/dora${route}`) &&
      r.url().includes(`from=${FROM}`) &&
      r.url().includes(`to=${TO}`),
    { timeout: TIMEOUT },
  );
  const dates = page.locator('input[type="date"]');
  await dates.nth(0).fill(FROM);
  await dates.nth(1).fill(TO);
  const response = await answer;
  if (response.status() !== 200) {
    throw new Error(`${url}: ${response.url()} answered ${response.status()}`);
  }
}

async function expectTiles(page, what) {
  for (const [id, texts] of Object.entries(TILES)) {
    const tile = page.getByTestId(`dora-metric-${id}`);
    await expectText(
      tile.getByTestId('dora-metric-value'),
      texts[0],
      `${what}, ${id}`,
    );
    for (const text of texts.slice(1))
      await expectText(tile, text, `${what}, ${id}`);
  }
}

async function shot(page, name) {
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    page.setDefaultTimeout(TIMEOUT);
    await signIn(page);

    const checks = [
      ['entity-card', '/catalog/default/component/checkout', '/v1/metrics?'],
      [
        'entity-dora-tab',
        '/catalog/default/component/checkout/dora',
        '/v1/metrics?',
      ],
      [
        'group-dora-tab',
        '/catalog/default/group/commerce/dora',
        '/v1/teams/metrics?',
      ],
    ];
    for (const [name, url, route] of checks) {
      const t = Date.now();
      await openWithWindow(page, url, route);
      await expectTiles(page, name);
      await shot(page, name);
      console.log(
        `OK ${name}: the worked example's figures (${Math.round(
          (Date.now() - t) / 1000,
        )}s)`,
      );
    }

    // The report compares templates in a table: the template's row must show
    // the service's figures.
    const t = Date.now();
    await openWithWindow(page, '/dora', '/v1/templates/report');
    const row = page.getByRole('row', { name: /Node\.js service/ });
    for (const text of ['14 h', '50 %']) {
      await expectText(row, text, `template report, Node.js service row`);
    }
    await shot(page, 'template-report');
    console.log(
      `OK template-report: the Node.js service row (${Math.round(
        (Date.now() - t) / 1000,
      )}s)`,
    );
  } catch (e) {
    const pages = browser.contexts().flatMap(c => c.pages());
    if (pages[0]) await shot(pages[0], 'failure').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

main().catch(e => {
  console.error(`ERROR: ${e.message}`);
  process.exit(1);
});
