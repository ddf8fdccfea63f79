/**
 * The DORA metrics backend plugin for Backstage.
 *
 * @packageDocumentation
 */
export { doraPlugin as default } from './plugin';
