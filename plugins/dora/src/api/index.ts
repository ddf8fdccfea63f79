export { doraApiRef } from './DoraApi';
export type { DoraApi, WindowQuery } from './DoraApi';
export { DoraClient } from './DoraClient';
