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

import { expect, Page, Response, test } from '@playwright/test';
import {
  formatHours,
  formatNumber,
  formatRate,
} from '../plugins/dora/src/components/shared/format';
import { formatDate } from '../plugins/dora/src/components/shared/formatWindow';

// DORA_E2E_SCREENSHOTS puts them elsewhere, e.g. outside the repository.
const SCREENSHOTS = process.env.DORA_E2E_SCREENSHOTS ?? 'e2e-tests/screenshots';
const API = 'http://localhost:7007/api/dora';
const TOKEN = { Authorization: 'Bearer dora-local-dev-token' };
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// The figure each tile shows, formatted as the plugin formats it.
const tiles = {
  deploymentFrequency: (m: any) =>
    m.deploymentFrequency.medianDeploymentDaysPerWeek === null
      ? 'No data'
      : `${formatNumber(
          m.deploymentFrequency.medianDeploymentDaysPerWeek,
        )} days/wk`,
  leadTime: (m: any) =>
    m.leadTime.medianHours === null
      ? 'No data'
      : formatHours(m.leadTime.medianHours),
  changeFailureRate: (m: any) =>
    m.changeFailureRate.rate === null
      ? 'No data'
      : formatRate(m.changeFailureRate.rate),
  recoveryTime: (m: any) =>
    m.recoveryTime.medianHours === null
      ? 'No data'
      : formatHours(m.recoveryTime.medianHours),
  reworkRate: (m: any) =>
    m.reworkRate.rate === null ? 'No data' : formatRate(m.reworkRate.rate),
};

async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  // The sidebar lists the report page once the app has loaded the plugin.
  const report = page.getByRole('link', { name: /Golden paths/ });
  await expect(enter.or(report).first()).toBeVisible();
  if (await enter.isVisible()) await enter.click();
  await expect(report).toBeVisible();
}

/** Opens `path` and returns the JSON of the first API response matching `route`. */
async function openAndCapture(page: Page, path: string, route: string) {
  const response = page.waitForResponse(
    (r: Response) =>
      r.url().includes(`/api/dora${route}`) && r.status() === 200,
    { timeout: 120_000 },
  );
  await page.goto(path);
  return (await response).json();
}

async function expectTiles(page: Page, metrics: any) {
  for (const [id, expected] of Object.entries(tiles)) {
    const tile = page.getByTestId(`dora-metric-${id}`).first();
    await expect(tile.getByTestId('dora-metric-value')).toHaveText(
      expected(metrics),
    );
  }
}

test.beforeAll(async ({ request }) => {
  // The demo seeds its history after the catalog has the demo entities.
  await expect
    .poll(
      async () => {
        // While plugins start, a connection may be refused or reset: not ready yet.
        const r = await request
          .get(
            'http://localhost:7007/api/dora/v1/metrics?entityRef=component:default/checkout',
            { headers: { Authorization: 'Bearer dora-local-dev-token' } },
          )
          .catch(() => undefined);
        return r?.ok() ? (await r.json()).deploymentFrequency.count : 0;
      },
      { timeout: 300_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);
});

test("a service's DORA tab shows what the API returns", async ({ page }) => {
  await signIn(page);
  const metrics = await openAndCapture(
    page,
    '/catalog/default/component/checkout/dora',
    '/v1/metrics?',
  );
  expect(metrics.deploymentFrequency.count).toBeGreaterThan(0);
  await expectTiles(page, metrics);
  await expect(page.getByText(/lead time/i).first()).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/entity-dora-tab.png`,
    fullPage: true,
  });
});

test("a service's overview card shows the same figures", async ({ page }) => {
  await signIn(page);
  const metrics = await openAndCapture(
    page,
    '/catalog/default/component/checkout',
    '/v1/metrics?',
  );
  await expectTiles(page, metrics);
  await page.screenshot({
    path: `${SCREENSHOTS}/entity-card.png`,
    fullPage: true,
  });
});

test("a team's page pools its services", async ({ page }) => {
  await signIn(page);
  const team = await openAndCapture(
    page,
    '/catalog/default/group/commerce/dora',
    '/v1/teams/metrics?',
  );
  expect(team.entityCount).toBeGreaterThan(0);
  await expectTiles(page, team);
  for (const entity of team.entities.slice(0, 3)) {
    const name = entity.title ?? entity.entityRef.split('/').pop();
    await expect(page.getByRole('link', { name }).first()).toBeVisible();
  }
  await page.screenshot({
    path: `${SCREENSHOTS}/team-dora.png`,
    fullPage: true,
  });
});

test('the golden-path report lists every template', async ({ page }) => {
  await signIn(page);
  const report = await openAndCapture(page, '/dora', '/v1/templates/report');
  expect(report.templates.length).toBeGreaterThan(1);
  for (const row of report.templates) {
    const name =
      row.templateRef === null ? 'No template' : row.title ?? row.templateRef;
    await expect(page.getByText(name).first()).toBeVisible();
  }
  await page.screenshot({
    path: `${SCREENSHOTS}/template-report.png`,
    fullPage: true,
  });
});

/**
 * Picks a custom range on a DORA tab and returns the metrics the tab loaded
 * for it (`from` and `to` are dates, midnight in dora.timeZone).
 */
async function pickRange(page: Page, from: string, to: string) {
  const response = page.waitForResponse(
    (r: Response) =>
      r.url().includes('/api/dora/v1/metrics?') &&
      r.url().includes(`from=${from}`) &&
      r.url().includes(`to=${to}`) &&
      r.status() === 200,
    { timeout: 120_000 },
  );
  await page.getByTestId('dora-time-range').locator('..').click();
  await page.getByRole('option', { name: 'Custom' }).click();
  // From, then To (exclusive); their labels are not tied to the inputs.
  const dates = page.locator('input[type="date"]');
  await dates.nth(1).fill(to);
  await dates.nth(0).fill(from);
  return (await response).json();
}

test('a history shorter than the window says since when (spec v2)', async ({
  page,
}) => {
  await signIn(page);
  await openAndCapture(
    page,
    '/catalog/default/component/checkout/dora',
    '/v1/metrics?',
  );
  // The demo's history is 180 days long: a range of 200 starts before it.
  const to = day(Date.now() + DAY);
  const metrics = await pickRange(page, day(Date.now() - 200 * DAY), to);
  const frequency = metrics.deploymentFrequency;
  expect(Date.parse(frequency.historyStartsAt)).toBeGreaterThan(
    Date.parse(metrics.window.from),
  );
  const tile = page.getByTestId('dora-metric-deploymentFrequency').first();
  await expect(tile).toContainText(
    `${frequency.count} deployments since ${formatDate(
      new Date(frequency.historyStartsAt),
      metrics.timeZone,
    )}`,
  );
  await expectTiles(page, metrics);
  await page.screenshot({
    path: `${SCREENSHOTS}/short-history.png`,
  });
});

test('a week without deployments after the history started is a measured zero (spec v2)', async ({
  page,
  request,
}) => {
  // A slow service's week, Monday to Monday, with no counted deployment.
  const monday = (ms: number) => {
    const d = new Date(Math.floor(ms / DAY) * DAY);
    return d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY;
  };
  let found: { name: string; from: string; to: string } | undefined;
  for (const name of ['order-history', 'model-serving', 'legacy-billing']) {
    for (let w = 2; w < 24 && !found; w++) {
      const start = monday(Date.now()) - w * 7 * DAY;
      const [from, to] = [day(start), day(start + 7 * DAY)];
      const r = await request.get(`${API}/v1/metrics`, {
        headers: TOKEN,
        params: { entityRef: `component:default/${name}`, from, to },
      });
      const f = (await r.json()).deploymentFrequency;
      if (f.count === 0 && f.perDay === 0) found = { name, from, to };
    }
    if (found) break;
  }
  expect(found).toBeDefined();
  await signIn(page);
  await openAndCapture(
    page,
    `/catalog/default/component/${found!.name}/dora`,
    '/v1/metrics?',
  );
  const metrics = await pickRange(page, found!.from, found!.to);
  expect(metrics.deploymentFrequency).toMatchObject({
    count: 0,
    perDay: 0,
    band: 'low',
  });
  const tile = page.getByTestId('dora-metric-deploymentFrequency').first();
  await expect(tile.getByTestId('dora-metric-value')).toHaveText('0 days/wk');
  await expect(tile.getByLabel('band: low')).toBeVisible();
  await expect(tile).toContainText('0 deployments on 0 days');
  await page.screenshot({
    path: `${SCREENSHOTS}/measured-zero.png`,
  });
});

test("a squash-merging service's DORA tab shows all four lead-time stages (spec v2)", async ({
  page,
}) => {
  await signIn(page);
  // notifications lands each pull request as one squash commit; its branch
  // commits, pushed with the pull request's number, give the coding stage.
  const metrics = await openAndCapture(
    page,
    '/catalog/default/component/notifications/dora',
    '/v1/metrics?',
  );
  const stages = metrics.leadTime.stages;
  for (const key of [
    'codingHours',
    'pickupHours',
    'reviewHours',
    'deployHours',
  ]) {
    expect(stages[key]).not.toBeNull();
    await expect(
      page.getByTestId(`dora-stage-${key}`).getByRole('paragraph'),
    ).toHaveText(formatHours(stages[key]));
  }
  await expectTiles(page, metrics);
  await page.getByLabel('Lead time by stage').scrollIntoViewIfNeeded();
  await page.screenshot({
    path: `${SCREENSHOTS}/squash-merged-stages.png`,
    fullPage: true,
  });
});
