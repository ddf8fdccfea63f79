import { useApi } from '@backstage/core-plugin-api';
import { isError } from '@backstage/errors';
import useAsync from 'react-use/esm/useAsync';
import { doraApiRef, WindowQuery } from '../../api';

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

/**
 * Whether the backend answered 404: for a template that means no service was
 * made from it yet, which is a normal state, not a failure. The client throws
 * a ResponseError (status on `statusCode`, server error name on `cause`);
 * other DoraApi implementations may throw a NotFoundError directly.
 */
export function isNotFound(error: unknown): boolean {
  if (!isError(error)) return false;
  if (error.name === 'NotFoundError') return true;
  const { statusCode, cause } = error as {
    statusCode?: number;
    cause?: unknown;
  };
  return (
    statusCode === 404 || (isError(cause) && cause.name === 'NotFoundError')
  );
}
