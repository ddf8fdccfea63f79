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

/**
 * Annotations that connect catalog entities to DORA events.
 *
 * The first three are the ones the provider plugins already use, so an entity
 * that shows its GitHub, GitLab or PagerDuty data in Backstage needs nothing new.
 */

/** Repository (`owner/name`) whose deployments and commits belong to the entity. @public */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
/** GitLab project path (`group/project`). @public */
export const GITLAB_PROJECT_SLUG_ANNOTATION = 'gitlab.com/project-slug';
/** PagerDuty service id whose incidents belong to the entity. @public */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';
/** Scaffolder template the entity was created from (set by the scaffolder). @public */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';
/**
 * Comma-separated environment names that count as production for this entity,
 * overriding `dora.productionEnvironments`.
 * @public
 */
export const PRODUCTION_ENVIRONMENTS_ANNOTATION =
  'dora-metrics/production-environments';

/** Annotations that attribute events by matching a key (repository or service). @public */
export const DORA_MATCH_ANNOTATIONS = [
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
] as const;

/**
 * Comma-separated deployment environment names (GitHub or GitLab) that belong
 * to this entity alone. When several entities share a repository (monorepo),
 * a deployment to a listed environment counts only for the entities that list
 * it; environments nobody lists go to the entities without this annotation.
 * @public
 */
export const GITHUB_ENVIRONMENT_ANNOTATION = 'dora-metrics/github-environment';
