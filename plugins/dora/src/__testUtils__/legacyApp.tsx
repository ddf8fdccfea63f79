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

// The parts of a stock legacy app (created with @backstage/create-app) that
// README.md, "Legacy frontend system", changes, with its lines added. `yarn
// tsc` type-checks them; readme.test.ts checks that every line the README
// shows is here.
import { FlatRoutes } from '@backstage/core-app-api';
import { SidebarGroup, SidebarItem } from '@backstage/core-components';
import {
  EntityAboutCard,
  EntityLayout,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import { Grid } from '@material-ui/core';
import MenuIcon from '@material-ui/icons/Menu';
import TimelineIcon from '@material-ui/icons/Timeline';
import { Route } from 'react-router-dom';
import {
  DoraTemplateReportPage,
  EntityDoraCard,
  EntityDoraContent,
  EntityDoraTemplateCard,
  GroupDoraCard,
  GroupDoraContent,
  isDoraAvailable,
} from '../index';

// packages/app/src/components/catalog/EntityPage.tsx

const entityWarningContent = <></>;

const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    {entityWarningContent}
    <Grid item md={6}>
      <EntityAboutCard />
    </Grid>
    <EntitySwitch>
      <EntitySwitch.Case if={isDoraAvailable}>
        <Grid item md={6} xs={12}>
          <EntityDoraCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
  </Grid>
);

const serviceEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
    <EntityLayout.Route path="/dora" title="DORA" if={isDoraAvailable}>
      <EntityDoraContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        {entityWarningContent}
        <Grid item xs={12} md={6}>
          <GroupDoraCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
    <EntityLayout.Route path="/dora" title="DORA">
      <GroupDoraContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const templatePage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        {entityWarningContent}
        <Grid item md={6}>
          <EntityAboutCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityDoraTemplateCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={serviceEntityPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case if={isKind('template')} children={templatePage} />
  </EntitySwitch>
);

// packages/app/src/App.tsx

export const routes = (
  <FlatRoutes>
    <Route path="/dora" element={<DoraTemplateReportPage />} />
  </FlatRoutes>
);

// packages/app/src/components/Root/Root.tsx

export const sidebar = (
  <SidebarGroup label="Menu" icon={<MenuIcon />}>
    <SidebarItem icon={TimelineIcon} to="dora" text="Golden paths" />
  </SidebarGroup>
);
