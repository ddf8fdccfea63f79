import { CatalogIndex } from '../attribution/CatalogIndex';
import { Observations } from '../ingest/observations';
import { BackfillJob } from '../database/BackfillStateStore';

/** One page of a backfill step: what it yields and where the next starts. */
export type BackfillPage = {
  observations: Observations;
  /** Where the next page starts; null when the step is complete. */
  cursor: unknown | null;
  /** Pages in all, when the provider says. */
  pagesTotal?: number;
  /** Provider records read on this page. */
  items: number;
};

/** A provider the backfill reads history from. */
export interface BackfillSource {
  readonly source: string;
  /** Steps run in this order for each target. */
  readonly steps: readonly string[];
  /** Repositories or services to backfill, from the catalog's annotations. */
  targets(index: CatalogIndex): string[];
  fetchPage(job: BackfillJob, signal?: AbortSignal): Promise<BackfillPage>;
}
