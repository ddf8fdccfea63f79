import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { doraApiRef, WindowQuery } from '../api';

/** The golden-path report (one row per template) for a window. */
export function useTemplateReport(window: WindowQuery) {
  const doraApi = useApi(doraApiRef);
  const { from, to } = window;
  return useAsync(
    () => doraApi.getTemplateReport({ from, to }),
    [doraApi, from, to],
  );
}
