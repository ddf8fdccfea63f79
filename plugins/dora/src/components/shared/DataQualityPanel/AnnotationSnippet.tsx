import { makeStyles } from '@material-ui/core/styles';
import { annotationYaml } from './annotationHints';

const useStyles = makeStyles(theme => ({
  snippet: {
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.primary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 1.5),
    margin: theme.spacing(1, 0),
    overflowX: 'auto',
    whiteSpace: 'pre',
  },
}));

/** Annotation lines as the YAML block to paste into catalog-info.yaml. */
export function AnnotationSnippet(props: { lines: string[] }) {
  const classes = useStyles();
  return (
    <pre className={classes.snippet} aria-label="catalog-info.yaml annotations">
      {annotationYaml(props.lines)}
    </pre>
  );
}
