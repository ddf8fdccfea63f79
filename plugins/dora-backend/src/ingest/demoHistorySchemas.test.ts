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

import {
  DemoService,
  generateDemoHistory,
} from '@dora-metrics/plugin-dora-backend-module-demo';
import { changeSchema, deploymentSchema, incidentSchema } from './schemas';

// The demo module builds its history without these schemas (they are the
// plugin's), so the plugin checks that what it generates passes them: one
// service of each profile, with and without a repository or PagerDuty id.
const services: DemoService[] = [
  {
    entityRef: 'component:default/a',
    repository: 'acme/a',
    pagerDutyServiceId: 'PA',
    profile: 'elite',
  },
  { entityRef: 'component:default/b', repository: 'acme/b', profile: 'high' },
  { entityRef: 'component:default/c', profile: 'medium' },
  { entityRef: 'component:default/d', repository: 'acme/d', profile: 'low' },
];

describe('demo history', () => {
  it('holds only items the push API accepts', () => {
    const history = generateDemoHistory({
      services,
      now: new Date('2026-11-21T00:00:00Z'),
      days: 180,
      seed: 7,
    });
    expect(history.deployments.length).toBeGreaterThan(100);
    expect(history.incidents.length).toBeGreaterThan(5);
    const problems = [
      ...history.deployments.map(d => deploymentSchema.safeParse(d)),
      ...history.changes.map(c => changeSchema.safeParse(c)),
      ...history.incidents.map(i => incidentSchema.safeParse(i)),
    ].flatMap(r => (r.success ? [] : [r.error.issues[0]]));
    expect(problems).toEqual([]);
  });
});
