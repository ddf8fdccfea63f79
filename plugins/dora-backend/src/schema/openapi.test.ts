import SwaggerParser from '@apidevtools/swagger-parser';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    await expect(
      SwaggerParser.validate(JSON.parse(JSON.stringify(spec))),
    ).resolves.toBeDefined();
  });

  it('matches openapi.yaml (run `yarn generate:openapi` after editing it)', () => {
    const yaml = parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(spec))).toEqual(yaml);
  });

  it('keeps every route of docs/api.md', () => {
    expect(Object.keys(spec.paths).sort()).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/changes',
        '/v1/data-quality',
        '/v1/deployments',
        '/v1/incidents',
        '/v1/metrics',
        '/v1/teams/metrics',
        '/v1/templates/metrics',
        '/v1/templates/report',
      ]),
    );
  });
});
