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

import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { TypedRouter } from '@backstage/backend-openapi-utils';
import { BackfillService } from '../../backfill/BackfillService';
import { DoraConfig } from '../../config';
import { IngestService } from '../../ingest/IngestService';
import { FactDeriver } from '../../reconcile/FactDeriver';
import { CatalogAccess } from '../../reports/CatalogAccess';
import { DataQualityService } from '../../reports/DataQualityService';
import { ReportService } from '../../reports/ReportService';
import { TemplateReportService } from '../../reports/TemplateReportService';
import { EndpointMap } from '../../schema/openapi';
import { DoraStore } from '../../database/types';
import { Authorize } from '../authorize';

/** The router validated against openapi.yaml, typed by its operations. */
export type DoraRouter = TypedRouter<EndpointMap>;

/** What the plugin hands to createRouter. */
export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  ingest: IngestService;
  reports: ReportService;
  templates: TemplateReportService;
  dataQuality: DataQualityService;
  access: CatalogAccess;
  deriver: FactDeriver;
  store: DoraStore;
  config: DoraConfig;
  backfill: BackfillService;
  /** Where a database outage is logged with the driver's own message. */
  logger?: LoggerService;
};

/** What the endpoints use; each binder picks the part it needs. */
export type EndpointDeps = RouterOptions & { authorize: Authorize };
