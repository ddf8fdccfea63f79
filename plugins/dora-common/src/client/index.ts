export { DoraApiClient } from './DoraApiClient';
export type {
  DoraReadPath,
  DoraReadQuery,
  DoraReadResponse,
} from './DoraApiClient';
