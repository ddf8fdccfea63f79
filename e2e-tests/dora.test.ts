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

const SCREENSHOTS = 'e2e-tests/screenshots';

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
