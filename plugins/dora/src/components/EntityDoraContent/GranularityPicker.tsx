import { GRANULARITIES, Granularity } from '@dora-metrics/plugin-dora-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

const LABELS: Record<Granularity, string> = {
  day: 'By day',
  week: 'By week',
  month: 'By month',
};

/** Bucket size of the trend charts: day, ISO week or calendar month. */
export function GranularityPicker(props: {
  value: Granularity;
  onChange: (value: Granularity) => void;
}) {
  return (
    <TextField
      select
      // The id links the label to the select, so its accessible name is
      // "Granularity …" and not only the chosen value.
      id="dora-granularity"
      size="small"
      variant="outlined"
      label="Granularity"
      value={props.value}
      inputProps={{ 'data-testid': 'dora-granularity' }}
      onChange={e => props.onChange(e.target.value as Granularity)}
    >
      {GRANULARITIES.map(g => (
        <MenuItem key={g} value={g}>
          {LABELS[g]}
        </MenuItem>
      ))}
    </TextField>
  );
}
