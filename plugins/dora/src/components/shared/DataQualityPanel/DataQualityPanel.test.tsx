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

import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { doraApiRef } from '../../../api';
import { DataQualityPanel } from './DataQualityPanel';
import {
  mockDoraApi,
  renderOnEntityPage,
} from '../../../__testUtils__/renderWithDora';
import {
  CHECKOUT_REF,
  unannotatedEntity,
} from '../../../__testUtils__/workedExample';
import { messyDataQualityReport } from '../../../__testUtils__/workedExampleEvents';

const LEGACY_REF = 'component:default/legacy-billing';

describe('DataQualityPanel', () => {
  it('shows the annotation lines an entity without DORA annotations needs', async () => {
    await renderOnEntityPage(<DataQualityPanel entityRef={LEGACY_REF} />, {
      api: mockDoraApi(),
      entity: unannotatedEntity,
    });

    const finding = await screen.findByTestId(
      'dora-finding-missing-annotations',
    );
    expect(finding).toHaveTextContent('No DORA annotations on this entity');
    const snippet = within(finding).getByLabelText(
      'catalog-info.yaml annotations',
    );
    expect(snippet.textContent).toBe(
      [
        'metadata:',
        '  annotations:',
        '    github.com/project-slug: <org>/<repo>',
        '    pagerduty.com/service-id: <id>',
      ].join('\n'),
    );
    expect(finding).toHaveTextContent(
      'For a GitLab project use gitlab.com/project-slug: <group>/<project>',
    );
  });

  it('says so when there is nothing to report', async () => {
    await renderOnEntityPage(
      <DataQualityPanel
        entityRef={CHECKOUT_REF}
        dataQuality={{
          clockSkewedChanges: 0,
          automatedChangesExcluded: 0,
          unlinkedIncidents: 0,
          deploymentsWithUnknownCommits: 0,
        }}
      />,
      { api: mockDoraApi() },
    );

    expect(
      await screen.findByText('No data-quality findings'),
    ).toBeInTheDocument();
  });

  it("explains the window's counts for an entity and its stale incidents only", async () => {
    const api = mockDoraApi({
      getDataQuality: jest.fn().mockResolvedValue({
        ...messyDataQualityReport,
        staleOpenIncidents: [
          ...messyDataQualityReport.staleOpenIncidents,
          {
            entityRef: 'component:default/other',
            source: 'pagerduty',
            id: 'i42',
            startedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      }),
    });
    await renderOnEntityPage(
      <DataQualityPanel
        entityRef={CHECKOUT_REF}
        dataQuality={{
          clockSkewedChanges: 1,
          automatedChangesExcluded: 4,
          unlinkedIncidents: 2,
          deploymentsWithUnknownCommits: 3,
        }}
      />,
      { api },
    );

    expect(
      await screen.findByTestId('dora-finding-clock-skew'),
    ).toHaveTextContent('1 commit committed after its deployment finished');
    expect(
      screen.getByTestId('dora-finding-unlinked-incidents'),
    ).toHaveTextContent('2 incidents link to no deployment');
    expect(
      screen.getByTestId('dora-finding-automated-changes'),
    ).toHaveTextContent('4 automated changes left out of lead time');
    expect(
      screen.getByTestId('dora-finding-unknown-commits'),
    ).toHaveTextContent('3 deployments shipped commits that are not known');
    expect(
      screen.getByTestId('dora-finding-unknown-commits'),
    ).toHaveTextContent('POST /api/dora/v1/changes');
    const stale = screen.getByTestId('dora-finding-stale-open-incidents');
    expect(stale).toHaveTextContent('pagerduty:i9');
    expect(stale).not.toHaveTextContent('i42');
    // Store-wide lists are not about this entity.
    expect(
      screen.queryByTestId('dora-finding-unknown-entities'),
    ).not.toBeInTheDocument();
  });

  it('works with no props outside an entity page: the store-wide list', async () => {
    const api = mockDoraApi({
      getDataQuality: jest.fn().mockResolvedValue(messyDataQualityReport),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[doraApiRef, api]]}>
        <DataQualityPanel />
      </TestApiProvider>,
    );

    const unattributed = await screen.findByTestId(
      'dora-finding-unattributed-events',
    );
    expect(unattributed).toHaveTextContent('15 events match no entity');
    expect(
      within(unattributed).getByText(
        'github.com/project-slug: acme/payments-api',
      ),
    ).toBeInTheDocument();
    expect(
      within(unattributed).getByText('pagerduty.com/service-id: PABC999'),
    ).toBeInTheDocument();
    const unannotated = screen.getByTestId(
      'dora-finding-entities-without-annotations',
    );
    expect(unannotated).toHaveTextContent(LEGACY_REF);
    expect(unannotated).toHaveTextContent(
      'github.com/project-slug: <org>/<repo>',
    );
    expect(unannotated).not.toHaveTextContent('gitlab.com/project-slug:');
    expect(
      screen.getByTestId('dora-finding-unknown-entities'),
    ).toHaveTextContent('component:default/ghost');
    expect(screen.getByTestId('dora-finding-clock-skew')).toHaveTextContent(
      '5 commits committed after their deployment finished',
    );
    expect(
      screen.getByTestId('dora-finding-stale-open-incidents'),
    ).toHaveTextContent('open since 2026-02-01 08:00 UTC');
    expect(
      screen.queryByText('No data-quality findings'),
    ).not.toBeInTheDocument();
  });

  it('shows a failed report request and keeps the local findings', async () => {
    const api = mockDoraApi({
      getDataQuality: jest
        .fn()
        .mockRejectedValue(new Error('report timed out')),
    });
    await renderOnEntityPage(<DataQualityPanel entityRef={LEGACY_REF} />, {
      api,
      entity: unannotatedEntity,
    });

    expect(
      await screen.findByText('Error: report timed out'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('dora-finding-missing-annotations'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No data-quality findings'),
    ).not.toBeInTheDocument();
  });
});
