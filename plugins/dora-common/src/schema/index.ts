// The types of the HTTP API, generated from the backend's openapi.yaml
// (plugins/dora-backend/src/schema/openapi.yaml); see openapi.generated.ts.
export type {
  paths as DoraOpenApiPaths,
  components as DoraOpenApiComponents,
  operations as DoraOpenApiOperations,
} from './openapi.generated';
