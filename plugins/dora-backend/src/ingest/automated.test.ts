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

import { ConfigReader } from '@backstage/config';
import { readDoraConfig } from '../config';
import { automatedAuthorMatcher } from './automatedAuthors';
import { changeRow, deploymentRow } from './IngestService';
import { changeSchema, deploymentSchema, describeIssue } from './schemas';

describe('dora.automatedAuthors and dora.leadTime.includeAutomated', () => {
  it('default to the bots of the spec, left out of lead time', () => {
    const config = readDoraConfig(new ConfigReader({}));
    expect(config.automatedAuthors).toEqual([
      '*[bot]',
      'renovate*',
      'dependabot*',
    ]);
    expect(config.leadTime.includeAutomated).toBe(false);
  });

  it('are read from the config', () => {
    const config = readDoraConfig(
      new ConfigReader({
        dora: {
          automatedAuthors: ['release-bot', 'svc-*'],
          leadTime: { includeAutomated: true },
        },
      }),
    );
    expect(config.automatedAuthors).toEqual(['release-bot', 'svc-*']);
    expect(config.leadTime.includeAutomated).toBe(true);
  });
});

describe('automatedAuthorMatcher', () => {
  it('matches the default globs, case-insensitively and whole logins only', () => {
    const isBot = automatedAuthorMatcher();
    expect(isBot('github-actions[bot]')).toBe(true);
    expect(isBot('Renovate-Bot')).toBe(true);
    expect(isBot('dependabot')).toBe(true);
    expect(isBot('octocat')).toBe(false);
    expect(isBot('my-renovate')).toBe(false);
    expect(isBot('[bot]-not-at-the-end')).toBe(false);
    expect(isBot(undefined)).toBe(false);
    expect(isBot('')).toBe(false);
  });

  it('treats other characters of a pattern literally', () => {
    const isBot = automatedAuthorMatcher(['ci.bot', 'a+b*']);
    expect(isBot('ci.bot')).toBe(true);
    expect(isBot('cixbot')).toBe(false);
    expect(isBot('a+b-deploy')).toBe(true);
    expect(isBot('aab')).toBe(false);
  });
});

describe('the push API field automated', () => {
  const change = {
    source: 'git',
    repository: 'acme/shop',
    sha: 'c1',
    committedAt: '2026-03-02T08:00:00Z',
  };
  const deployment = {
    source: 'ci',
    id: 'd1',
    repository: 'acme/shop',
    environment: 'production',
    status: 'success',
    finishedAt: '2026-03-02T10:00:00Z',
  };

  it('is optional on a change, false when left out', () => {
    expect(changeRow(changeSchema.parse(change)).automated).toBe(false);
    expect(
      changeRow(changeSchema.parse({ ...change, automated: true })).automated,
    ).toBe(true);
  });

  it('is taken on a commit a deployment lists, stored only when true', () => {
    const row = deploymentRow(
      deploymentSchema.parse({
        ...deployment,
        commits: [
          { sha: 'c1', committedAt: '2026-03-02T08:00:00Z', automated: true },
          { sha: 'c2', committedAt: '2026-03-02T07:00:00Z', automated: false },
        ],
      }),
    );
    expect(row.commits).toEqual([
      {
        sha: 'c1',
        committedAt: Date.parse('2026-03-02T08:00:00Z'),
        authoredAt: null,
        automated: true,
      },
      {
        sha: 'c2',
        committedAt: Date.parse('2026-03-02T07:00:00Z'),
        authoredAt: null,
      },
    ]);
  });

  it('must be a boolean', () => {
    const parsed = changeSchema.safeParse({ ...change, automated: 'yes' });
    expect(parsed.success).toBe(false);
    expect(describeIssue(parsed.error!)).toBe(
      'automated: Expected boolean, received string',
    );
    const commit = deploymentSchema.safeParse({
      ...deployment,
      commits: [
        { sha: 'c1', committedAt: '2026-03-02T08:00:00Z', automated: 1 },
      ],
    });
    expect(describeIssue(commit.error!)).toBe(
      'commits.0.automated: Expected boolean, received number',
    );
  });
});
