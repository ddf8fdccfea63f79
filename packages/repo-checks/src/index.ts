/**
 * Repository-level checks: the documentation's YAML examples and the
 * configuration the backend image starts with.
 *
 * @packageDocumentation
 */
export * from './repo';
export * from './snippets';
export * from './productionConfig';
export * from './links';
