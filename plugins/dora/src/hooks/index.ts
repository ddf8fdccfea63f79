export { useCursorPage } from './useCursorPage';
export { useEntityDoraPath } from './useEntityDoraPath';
export { useEntityMetrics } from './useEntityMetrics';
export { DEFAULT_TEAM_SCOPE, useTeamMetrics } from './useTeamMetrics';
export type { TeamScope } from './useTeamMetrics';
export { useTemplateMetrics } from './useTemplateMetrics';
export { useTemplateReport } from './useTemplateReport';
