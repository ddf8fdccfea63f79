import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';

/** The row for services created from no template (`templateRef: null`). */
export const NO_TEMPLATE_LABEL = 'No template';

/** What a template row is called: its title, else its ref, else "No template". */
export function templateLabel(row: {
  templateRef: string | null;
  title: string | null;
}): string {
  if (row.templateRef === null) return NO_TEMPLATE_LABEL;
  return (
    row.title ??
    humanizeEntityRef(parseEntityRef(row.templateRef), {
      defaultKind: 'template',
    })
  );
}
