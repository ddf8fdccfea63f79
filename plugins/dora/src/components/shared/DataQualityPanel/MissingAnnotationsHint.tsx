import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';
import Typography from '@material-ui/core/Typography';
import { AnnotationSnippet } from './AnnotationSnippet';
import { annotationLine } from './annotationHints';

/**
 * What an entity must carry for events to be matched to it, as the exact
 * lines to add. Shown in the data-quality panel and in the card's empty state.
 */
export function MissingAnnotationsHint(props: {
  entityRef: string;
  missing: string[];
  noneAtAll: boolean;
}) {
  const { entityRef, missing, noneAtAll } = props;
  const repositoryMissing = missing.includes(GITHUB_PROJECT_SLUG_ANNOTATION);
  return (
    <div data-testid="dora-missing-annotations">
      <Typography variant="body2">
        {noneAtAll
          ? `${entityRef} has no DORA annotation, so deployments, commits and incidents reported by repository or service are not matched to it. Add:`
          : `${entityRef} is missing an annotation; events reported by the key below are not matched to it. Add:`}
      </Typography>
      <AnnotationSnippet lines={missing.map(name => annotationLine(name))} />
      {repositoryMissing && (
        <Typography variant="caption" color="textSecondary" component="p">
          For a GitLab project use{' '}
          <code>{annotationLine(GITLAB_PROJECT_SLUG_ANNOTATION)}</code> instead.
          Events that name this entity by its entityRef count without any
          annotation.
        </Typography>
      )}
    </div>
  );
}
