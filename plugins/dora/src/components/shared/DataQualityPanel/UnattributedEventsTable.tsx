import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { UnattributedEvent, annotationForEvent } from './annotationHints';

const SHOWN = 10;

/** Unclaimed events by source and key, with the annotation that would claim them. */
export function UnattributedEventsTable(props: {
  events: UnattributedEvent[];
}) {
  const shown = props.events.slice(0, SHOWN);
  const hidden = props.events.length - shown.length;
  return (
    <>
      <Table size="small" aria-label="Unattributed events">
        <TableHead>
          <TableRow>
            <TableCell>Type</TableCell>
            <TableCell>Source</TableCell>
            <TableCell>Repository / service</TableCell>
            <TableCell align="right">Events</TableCell>
            <TableCell>Annotation that would match</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(event => {
            const annotation = annotationForEvent(event);
            return (
              <TableRow
                key={`${event.eventType}|${event.source}|${event.matchKey}`}
              >
                <TableCell>{event.eventType}</TableCell>
                <TableCell>{event.source}</TableCell>
                <TableCell>{event.matchKey ?? '(none)'}</TableCell>
                <TableCell align="right">{event.count}</TableCell>
                <TableCell>
                  {annotation ? (
                    <code>{annotation}</code>
                  ) : (
                    'none: the sender must name an entityRef'
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {hidden > 0 && (
        <Typography variant="caption" color="textSecondary">
          and {hidden} more
        </Typography>
      )}
    </>
  );
}
