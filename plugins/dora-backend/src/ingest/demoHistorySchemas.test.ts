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
