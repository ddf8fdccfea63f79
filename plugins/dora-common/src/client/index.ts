export { DoraApiClient } from './DoraApiClient';
export type {
  DoraReadOperation,
  DoraReadPath,
  DoraReadQuery,
  DoraReadResponse,
} from './DoraApiClient';
