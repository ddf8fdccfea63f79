import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  doraEventsCreatePermission,
  doraMetricsReadPermission,
  GRANULARITIES,
  IngestResult,
  OWNERSHIP_MODES,
  Page,
} from '@dora-metrics/plugin-dora-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';
import { z } from 'zod/v3';
import { DoraConfig } from '../config';
import { IngestService } from '../ingest/IngestService';
import { FactDeriver } from '../reconcile/FactDeriver';
import { CatalogAccess } from '../reports/CatalogAccess';
import { DataQualityService } from '../reports/DataQualityService';
import { withLeadTimes } from '../reports/deploymentList';
import { ReportService } from '../reports/ReportService';
import { TemplateReportService } from '../reports/TemplateReportService';
import { parseWindow } from '../reports/window';
import { DoraStore, EventListQuery } from '../database/types';
import { bodyErrorHandler, jsonBody } from './bodyParsing';
import { databaseUnavailableHandler } from './databaseErrors';

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
  /** Where a database outage is logged with the driver's own message. */
  logger?: LoggerService;
};

const flag = z.enum(['true', 'false']).transform(v => v === 'true');

const readQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  granularity: z.enum(GRANULARITIES as [string, ...string[]]).default('week'),
  ownership: z
    .enum(OWNERSHIP_MODES as [string, ...string[]])
    .default('current'),
  includeSubgroups: flag.default('true'),
  entityRef: z.string().min(1).optional(),
  groupRef: z.string().min(1).optional(),
  templateRef: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});

function parseQuery(req: Request) {
  const parsed = readQuery.safeParse(req.query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new InputError(`${field}: required`);
  return value;
}

/**
 * HTTP only parses, authorizes and calls: every route's work is in the
 * ingest and report services.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    auditor,
    ingest,
    reports,
    templates,
    dataQuality,
    access,
    deriver,
    store,
    config,
    logger,
  } = options;
  // Bodies are parsed outside the validated router: its error transformer
  // would turn a 413 for an oversize body into a 400.
  const outer = Router();
  outer.use(jsonBody());
  // Validates every request against the published OpenAPI document (and
  // serves it at /openapi.json); push items are validated one by one later.
  const router = createValidatedOpenApiRouter(spec, {
    middleware: [(_req, _res, next) => next()],
  });
  outer.use(router);
  // Error translation for everything above, before Backstage's own handler.
  outer.use(bodyErrorHandler);
  outer.use(databaseUnavailableHandler(logger));

  async function authorize(
    req: Request,
    permission: BasicPermission,
    allow: ('user' | 'service')[],
  ) {
    const credentials: BackstageCredentials = await httpAuth.credentials(req, {
      allow,
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`not allowed: ${permission.name}`);
    }
    return credentials;
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const push = (
    kind: 'deployments' | 'changes' | 'incidents',
    handle: (body: unknown) => Promise<IngestResult>,
  ) =>
    router.post(`/v1/${kind}` as const, async (req, res) => {
      await authorize(req, doraEventsCreatePermission, ['service']);
      const batch = (req.body as Record<string, unknown>)[kind];
      const items = Array.isArray(batch) ? batch.length : 0;
      const audit = await auditor.createEvent({
        eventId: 'dora-events-push',
        severityLevel: 'medium',
        request: req,
        meta: { kind, items },
      });
      try {
        const result = await handle(req.body);
        const { rejected, ...counts } = result;
        await audit.success({ meta: { ...counts, rejected: rejected.length } });
        res.json(result);
      } catch (error) {
        await audit.fail({ error: error as Error });
        throw error;
      }
    });
  push('deployments', body => ingest.ingestDeployments(body));
  push('changes', body => ingest.ingestChanges(body));
  push('incidents', body => ingest.ingestIncidents(body));

  router.post('/v1/recompute', async (req, res) => {
    await authorize(req, doraEventsCreatePermission, ['service']);
    const audit = await auditor.createEvent({
      eventId: 'dora-recompute',
      severityLevel: 'medium',
      request: req,
    });
    const result = await deriver.reconcile({ full: true });
    await audit.success({ meta: result });
    res.json(result);
  });

  const reader = async (req: Request) => {
    const credentials = await authorize(req, doraMetricsReadPermission, [
      'user',
      'service',
    ]);
    const query = parseQuery(req);
    return { query, credentials, window: parseWindow(query, config.timeZone) };
  };

  router.get('/v1/metrics', async (req, res) => {
    const { query, ...request } = await reader(req);
    const granularity = query.granularity as (typeof GRANULARITIES)[number];
    res.json(
      await reports.entityMetrics(
        required(query.entityRef, 'entityRef'),
        granularity,
        request,
      ),
    );
  });

  router.get('/v1/teams/metrics', async (req, res) => {
    const { query, ...request } = await reader(req);
    const result = await reports.teamMetrics(
      required(query.groupRef, 'groupRef'),
      {
        granularity: query.granularity as (typeof GRANULARITIES)[number],
        ownership: query.ownership as (typeof OWNERSHIP_MODES)[number],
        includeSubgroups: query.includeSubgroups,
      },
      request,
    );
    res.json(result);
  });

  router.get('/v1/templates/report', async (req, res) => {
    const { query: _query, ...request } = await reader(req);
    res.json(await templates.report(request));
  });

  router.get('/v1/templates/metrics', async (req, res) => {
    const { query, ...request } = await reader(req);
    // An empty templateRef asks for the entities created from no template.
    res.json(
      await templates.metrics(
        required(query.templateRef, 'templateRef') || null,
        request,
      ),
    );
  });

  const events = <T>(
    path: '/v1/deployments' | '/v1/incidents',
    list: (q: EventListQuery) => Promise<Page<T>>,
  ) =>
    router.get(path, async (req, res) => {
      const { query, window, credentials } = await reader(req);
      const entityRef = await access.readableRef(
        required(query.entityRef, 'entityRef'),
        credentials,
      );
      res.json(
        await list({
          entityRef,
          from: window.from,
          to: window.to,
          limit: query.limit,
          cursor: query.cursor,
        }),
      );
    });
  events('/v1/deployments', async q =>
    withLeadTimes(await store.listDeployments(q)),
  );
  events('/v1/incidents', q => store.listIncidents(q));

  router.get('/v1/data-quality', async (req, res) => {
    const { credentials } = await reader(req);
    res.json(await dataQuality.report(credentials));
  });

  return outer;
}
