/*
 * Copyright 2026 The DORA Metrics for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
