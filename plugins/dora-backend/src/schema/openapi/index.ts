export * from './generated/router';
export type { EndpointMap } from './endpointMap';
