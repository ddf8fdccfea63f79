import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export const CHART_HEIGHT = 240;

/**
 * A titled chart. The plot itself is one `role="img"` element with a text
 * description, because an SVG of axes and paths means nothing to a screen
 * reader; the description carries the figures that matter.
 */
export function ChartFrame(props: {
  title: string;
  description: string;
  /** Shown under the plot: what the dashed lines are, what a gap means. */
  note?: ReactNode;
  /** When false, a "No data" line replaces the plot. */
  hasData: boolean;
  children: ReactElement;
}) {
  const { title, description, note, hasData, children } = props;
  return (
    <Paper variant="outlined" style={{ height: '100%' }}>
      <Box p={2}>
        <Typography variant="h6" component="h3" gutterBottom>
          {title}
        </Typography>
        <div
          role="img"
          aria-label={description}
          style={{ width: '100%', height: CHART_HEIGHT }}
        >
          {hasData ? (
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          ) : (
            <Box
              height="100%"
              display="flex"
              alignItems="center"
              justifyContent="center"
            >
              <Typography color="textSecondary">No data</Typography>
            </Box>
          )}
        </div>
        {note && (
          <Typography variant="caption" color="textSecondary" component="p">
            {note}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
