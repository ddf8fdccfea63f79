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

import SwaggerParser from '@apidevtools/swagger-parser';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi';

// The generator that writes src/schema/openapi/generated/router.ts and
// dora-common's openapi.generated.ts.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { render } = require('../../scripts/openapi-contract.cjs') as {
  render(): Promise<Record<string, string>>;
};

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(spec.openapi).toBe('3.1.0');
    await expect(
      SwaggerParser.validate(JSON.parse(JSON.stringify(spec))),
    ).resolves.toBeDefined();
  });

  it('is the document the router validates against', () => {
    const yaml = parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(spec))).toEqual(yaml);
  });

  it('has up-to-date generated files (run `yarn schema:openapi:generate` after editing openapi.yaml)', async () => {
    const files = await render();
    expect(Object.keys(files)).toHaveLength(2);
    for (const [file, text] of Object.entries(files)) {
      expect({ file, text: fs.readFileSync(file, 'utf8') }).toEqual({
        file,
        text,
      });
    }
    // Generating and formatting both files takes a few seconds alone, and
    // several times that beside the rest of the suite on two cores.
  }, 60_000);

  it('keeps every route that clients rely on', () => {
    expect(Object.keys(spec.paths).sort()).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/backfill',
        '/v1/changes',
        '/v1/data-quality',
        '/v1/deployments',
        '/v1/incidents',
        '/v1/metrics',
        '/v1/recompute',
        '/v1/teams/metrics',
        '/v1/templates/metrics',
        '/v1/templates/report',
      ]),
    );
  });
});
