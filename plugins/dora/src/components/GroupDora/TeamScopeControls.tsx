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
