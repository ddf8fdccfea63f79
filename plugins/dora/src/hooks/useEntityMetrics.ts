import { useApi } from '@backstage/core-plugin-api';
import { Granularity } from '@dora-metrics/plugin-dora-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { doraApiRef } from '../api';

/** The metrics of one entity over a window, refetched when any input changes. */
export function useEntityMetrics(options: {
  entityRef: string;
  from: string;
  to: string;
  granularity?: Granularity;
}) {
  const api = useApi(doraApiRef);
  const { entityRef, from, to, granularity } = options;
  return useAsyncRetry(
    () => api.getEntityMetrics({ entityRef, from, to, granularity }),
    [api, entityRef, from, to, granularity],
  );
}
