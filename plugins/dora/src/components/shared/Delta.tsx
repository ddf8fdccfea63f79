import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ArrowDownward from '@material-ui/icons/ArrowDownward';
import ArrowUpward from '@material-ui/icons/ArrowUpward';
import { MetricDefinition } from './metricDefinitions';

/**
 * The change against the previous period, with an arrow and a colour that
 * know whether up is good for this metric. Nothing when either side is empty.
 */
export function Delta(props: {
  metric: MetricDefinition;
  current: number | null;
  previous: number | null;
}) {
  const { metric, current, previous } = props;
  const theme = useTheme();
  // Figures that look the same once formatted are no change to the reader.
  const same =
    current !== null &&
    previous !== null &&
    metric.format(current) === metric.format(previous);
  if (current === null || previous === null || same) {
    let text = 'no previous figure';
    if (same) text = 'no change';
    else if (previous !== null)
      text = `previous period: ${metric.format(previous)}`;
    return (
      <Typography variant="caption" color="textSecondary">
        {text}
      </Typography>
    );
  }
  const up = current > previous;
  const better = up === metric.higherIsBetter;
  const Arrow = up ? ArrowUpward : ArrowDownward;
  // Theme colours keep the contrast readable in light and dark themes.
  const colour = better ? theme.palette.success.main : theme.palette.error.main;
  const text = `${up ? 'up' : 'down'} from ${metric.format(previous)}`;
  return (
    <Typography
      variant="caption"
      style={{ color: colour, display: 'inline-flex', alignItems: 'center' }}
      aria-label={`${text}, ${better ? 'better' : 'worse'}`}
    >
      <Arrow fontSize="inherit" aria-hidden />
      {text}
    </Typography>
  );
}
