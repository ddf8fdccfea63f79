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
  DEPLOYMENTS_CSV_HEADER,
  INCIDENTS_CSV_HEADER,
  METRICS_CSV_HEADER,
  csvCell,
  deploymentsToCsv,
  incidentsToCsv,
  metricsToCsv,
} from './exportData';
import { workedExampleResponse } from '../../__testUtils__/workedExample';
import {
  workedExampleDeployments,
  workedExampleIncidents,
} from '../../__testUtils__/workedExampleEvents';

const lines = (csv: string) => csv.split('\r\n');
const W = '2026-03-02T00:00:00.000Z,2026-03-09T00:00:00.000Z';
const P = '2026-02-23T00:00:00.000Z,2026-03-02T00:00:00.000Z';

describe('csvCell', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('leaves missing figures empty, never 0', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0)).toBe('0');
  });

  it('defuses text a spreadsheet would run as a formula, not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1.5)).toBe('-1.5');
  });
});

describe('metricsToCsv', () => {
  const rows = lines(metricsToCsv(workedExampleResponse));

  it('has the tidy header', () => {
    expect(rows[0]).toBe(METRICS_CSV_HEADER.join(','));
    expect(rows[0]).toBe('scope,from,to,metric,value,band');
  });

  it('has the worked example figures of the window with their bands', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        `window,${W},deployments,4,`,
        `window,${W},median_deployment_days_per_week,3,high`,
        `window,${W},lead_time_median_hours,14,elite`,
        `window,${W},lead_time_p90_hours,24,`,
        `window,${W},change_failure_rate,0.5,low`,
        `window,${W},failed_deployments,2,`,
        `window,${W},recovery_median_hours,2.75,high`,
        `window,${W},time_to_restore_median_hours,2.5,`,
        `window,${W},rework_rate,0.25,`,
      ]),
    );
  });

  it('has the previous window, with an empty cell for a missing figure', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        `previous,${P},lead_time_median_hours,30,high`,
        `previous,${P},recovery_median_hours,,`,
      ]),
    );
  });

  it('has every series bucket, ending where the next starts', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        'day,2026-03-02T00:00:00.000Z,2026-03-03T00:00:00.000Z,deployments,1,high',
        'day,2026-03-03T00:00:00.000Z,2026-03-04T00:00:00.000Z,failed_deployments,1,',
        'day,2026-03-04T00:00:00.000Z,2026-03-05T00:00:00.000Z,lead_time_median_hours,,',
        'day,2026-03-08T00:00:00.000Z,2026-03-09T00:00:00.000Z,deployments,0,low',
      ]),
    );
    // 20 figures per window, 7 per bucket, plus the header.
    expect(rows).toHaveLength(1 + 2 * 20 + 7 * 7);
  });
});

describe('deploymentsToCsv', () => {
  it('writes one row per deployment under the header', () => {
    const rows = lines(deploymentsToCsv(workedExampleDeployments));
    expect(rows[0]).toBe(DEPLOYMENTS_CSV_HEADER.join(','));
    expect(rows).toHaveLength(5);
    expect(rows[1]).toBe(
      'github-actions,d4,2026-03-05T18:00:00.000Z,production,success,rollback,true,false,d3,,,a4,,https://ci.example.com/runs/d4',
    );
    expect(rows[3]).toBe(
      'github-actions,d2,2026-03-03T09:00:00.000Z,production,success,planned,true,true,,pagerduty:i1,0.5,a2,c3,https://ci.example.com/runs/d2',
    );
    expect(rows[4]).toContain(',14,a1,c1 c2,');
  });
});

describe('incidentsToCsv', () => {
  it('writes the incident with its link to a deployment', () => {
    const rows = lines(incidentsToCsv(workedExampleIncidents));
    expect(rows[0]).toBe(INCIDENTS_CSV_HEADER.join(','));
    expect(rows[1]).toBe(
      'pagerduty,i1,Checkout 5xx,sev2,2026-03-03T10:00:00.000Z,2026-03-03T12:30:00.000Z,github-actions:d2,time,https://acme.pagerduty.com/incidents/i1',
    );
  });
});
