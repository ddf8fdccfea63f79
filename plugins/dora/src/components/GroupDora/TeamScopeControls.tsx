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

import { OwnershipMode } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Tooltip from '@material-ui/core/Tooltip';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { TimeRange, TimeRangePicker } from '../shared';
import { TeamScope } from '../../hooks';

const OWNERSHIP_HELP: Record<OwnershipMode, string> = {
  current:
    'Every event of the services the team owns today, whoever owned them when it happened.',
  'at-event':
    'Events of services the team owned when each event happened, including services it has since handed over.',
};

/** Time range, sub-groups and ownership mode of a team view. */
export function TeamScopeControls(props: {
  range: TimeRange;
  onRangeChange: (range: TimeRange) => void;
  scope: TeamScope;
  onScopeChange: (scope: TeamScope) => void;
}) {
  const { range, onRangeChange, scope, onScopeChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
      <TimeRangePicker value={range} onChange={onRangeChange} />
      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={scope.includeSubgroups}
            onChange={(_event, checked) =>
              onScopeChange({ ...scope, includeSubgroups: checked })
            }
          />
        }
        label="Include sub-groups"
      />
      <ToggleButtonGroup
        exclusive
        size="small"
        aria-label="Ownership"
        value={scope.ownership}
        onChange={(_event, value: OwnershipMode | null) => {
          // A second click on the selected button sends null; keep the mode.
          if (value) onScopeChange({ ...scope, ownership: value });
        }}
      >
        <ToggleButton value="current">
          <Tooltip title={OWNERSHIP_HELP.current}>
            <span>Current ownership</span>
          </Tooltip>
        </ToggleButton>
        <ToggleButton value="at-event">
          <Tooltip title={OWNERSHIP_HELP['at-event']}>
            <span>Ownership at event time</span>
          </Tooltip>
        </ToggleButton>
      </ToggleButtonGroup>
    </Box>
  );
}
