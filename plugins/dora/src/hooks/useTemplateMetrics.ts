import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { doraApiRef, WindowQuery } from '../api';

/**
 * One template's pooled metrics and its services. `templateRef: null` asks
 * for the services created from no template.
 */
export function useTemplateMetrics(
  templateRef: string | null,
  window: WindowQuery,
) {
  const doraApi = useApi(doraApiRef);
  const { from, to } = window;
  return useAsync(
    () => doraApi.getTemplateMetrics({ templateRef, from, to }),
    [doraApi, templateRef, from, to],
  );
}
