/**
 * Types, definitions, bands, permissions and annotation names shared by the
 * DORA backend and frontend plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './bands';
export * from './client';
export * from './events';
export * from './metrics';
export * from './permissions';
export * from './schema';
