/**
 * Node.js library for the DORA metrics plugin: the extension point through
 * which backend modules of the `dora` plugin push deployments, commits and
 * incidents, and add backfill sources.
 *
 * @packageDocumentation
 */
export * from './backfill';
export * from './extensions';
export * from './observations';
