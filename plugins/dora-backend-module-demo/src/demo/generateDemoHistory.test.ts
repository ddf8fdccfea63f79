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
  Band,
  ChangeInput,
  changeFailureRateBand,
  DeploymentInput,
  deploymentFrequencyBand,
  leadTimeBand,
  recoveryTimeBand,
} from '@dora-metrics/plugin-dora-common';
import {
  DemoHistory,
  DemoProfile,
  DemoService,
  generateDemoHistory,
} from './generateDemoHistory';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-11-21T00:00:00Z');
const days = 180;

// The same services as examples/dora-demo/components.yaml.
const services: DemoService[] = (
  [
    ['payments-api', 'elite', 'acme', 'PQ7K2MX'],
    ['fraud-detection', 'high', 'acme', 'PF4R8ZD'],
    ['ledger', 'medium', 'acme', 'PL3D9GE'],
    ['checkout', 'elite', 'acme', 'PC8H5TN'],
    ['cart-service', 'high', 'acme', 'PK2A7WB'],
    ['order-history', 'low', 'acme', 'PO6V3RH'],
    ['storefront-web', 'elite', 'acme', 'PS9W1FJ'],
    ['product-catalog', 'high', 'acme', 'PP5C4QY'],
    ['search-service', 'medium', 'acme-group', 'PX2S8LM'],
    ['marketing-site', 'low', 'acme', undefined],
    ['api-gateway', 'elite', 'acme', 'PG7Y6EA'],
    ['identity-service', 'high', 'acme', 'PI3N2KU'],
    ['legacy-billing', 'low', 'acme-group', 'PB8L5XC'],
    ['build-cache', 'medium', 'acme', undefined],
    ['docs-portal', 'high', 'acme', 'PD4T7HS'],
    ['ui-kit', 'high', undefined, undefined],
    ['events-pipeline', 'elite', 'acme', 'PE1V9QR'],
    ['reporting-api', 'medium', 'acme', 'PR6M3ZT'],
    ['recommendations', 'medium', 'acme', 'PM5J8NC'],
    ['model-serving', 'low', 'acme', 'PV2X4GB'],
    ['notifications', 'high', 'acme', 'PN4T6SQ'],
  ] as const
).map(([name, profile, org, pagerDutyServiceId]) => ({
  entityRef: `component:default/${name}`,
  profile,
  ...(org ? { repository: `${org}/${name}` } : {}),
  ...(pagerDutyServiceId ? { pagerDutyServiceId } : {}),
  // The one squash-merging service of the catalog.
  ...(name === 'notifications' ? { squashMerges: true } : {}),
}));

/** A squashed pull request's branch commit: its number, never merged. */
const isBranchCommit = (c: ChangeInput) =>
  !!c.pullRequest && !c.pullRequest.mergedAt;

const history = generateDemoHistory({ services, now, days, seed: 1 });

function eventsOf(h: DemoHistory, service: DemoService) {
  const mine = (d: DeploymentInput) =>
    service.repository
      ? d.repository === service.repository
      : d.entityRef === service.entityRef;
  const deployments = h.deployments.filter(mine);
  const production = deployments
    .filter(d => d.environment === 'production' && d.status === 'success')
    .sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
  const changes = h.changes.filter(c => c.repository === service.repository);
  const incidents = h.incidents.filter(i =>
    service.pagerDutyServiceId
      ? i.service === service.pagerDutyServiceId
      : i.entityRef === service.entityRef,
  );
  return { deployments, production, changes, incidents };
}

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)] + s[Math.ceil(mid)]) / 2;
};

/**
 * A deliberately simple reading of metrics.md over the whole history, to check
 * that the profiles produce their bands; the real engine lives elsewhere.
 */
function bands(service: DemoService): Record<string, Band | null> {
  const { production, changes, incidents } = eventsOf(history, service);
  const start = now.getTime() - days * DAY;
  const at = (d: DeploymentInput) => Date.parse(d.finishedAt);

  const deployDays = new Set(production.map(d => Math.floor(at(d) / DAY)));
  const perWeek: number[] = [];
  const monday =
    Math.floor(start / DAY) - ((new Date(start).getUTCDay() + 6) % 7);
  for (let w = monday; w * DAY < now.getTime(); w += 7) {
    perWeek.push([...deployDays].filter(d => d >= w && d < w + 7).length);
  }
  const perMonth = new Map<string, number>();
  for (let d = Math.floor(start / DAY); d * DAY < now.getTime(); d++) {
    const month = new Date(d * DAY).toISOString().slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + Number(deployDays.has(d)));
  }

  const bySha = new Map(changes.map(c => [c.sha, c]));
  const seen = new Set<string>();
  const leadHours: number[] = [];
  production.forEach((d, i) => {
    let shipped: { sha: string; committedAt: string }[] = d.commits ?? [];
    if (!d.commits && i > 0) {
      const chain: ChangeInput[] = [];
      let commit = bySha.get(d.sha!);
      while (commit && commit.sha !== production[i - 1].sha) {
        chain.push(commit);
        commit = bySha.get(commit.parents?.[0] ?? '');
      }
      shipped = commit ? chain : [];
    }
    for (const c of shipped.filter(s => !seen.has(s.sha))) {
      seen.add(c.sha);
      leadHours.push((at(d) - Date.parse(c.committedAt)) / HOUR);
    }
  });

  const failed = new Set<string>();
  const recovery: number[] = [];
  for (const incident of incidents) {
    const cause = incident.causeDeploymentId
      ? production.find(d => `demo-ci:${d.id}` === incident.causeDeploymentId)
      : [...production]
          .reverse()
          .find(d => at(d) < Date.parse(incident.startedAt));
    if (cause) failed.add(cause.id);
    if (cause && incident.resolvedAt) {
      recovery.push((Date.parse(incident.resolvedAt) - at(cause)) / HOUR);
    }
  }
  for (const rollback of production.filter(d => d.rollbackOf)) {
    failed.add(rollback.rollbackOf!);
    const bad = production.find(d => d.id === rollback.rollbackOf)!;
    recovery.push((at(rollback) - at(bad)) / HOUR);
  }

  return {
    deploymentFrequency: deploymentFrequencyBand(
      median(perWeek),
      median([...perMonth.values()]),
    ),
    leadTime: leadTimeBand(median(leadHours)),
    changeFailureRate: changeFailureRateBand(failed.size / production.length),
    recoveryTime: recoveryTimeBand(median(recovery)),
  };
}

describe('generateDemoHistory', () => {
  // Compared as JSON: a failing deep diff of thousands of items takes minutes.
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(a) === JSON.stringify(b);

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateDemoHistory({ services, now, days, seed: 1 });
    const other = generateDemoHistory({ services, now, days, seed: 2 });
    expect(again.deployments.slice(0, 20)).toEqual(
      history.deployments.slice(0, 20),
    );
    expect(same(again, history)).toBe(true);
    expect(other.deployments.length).toBeGreaterThan(0);
    expect(same(other.deployments, history.deployments)).toBe(false);
    expect(same(other.changes, history.changes)).toBe(false);
    expect(same(other.incidents, history.incidents)).toBe(false);
  });

  it('keeps a service history when other services are added after it', () => {
    const few = generateDemoHistory({
      services: services.slice(0, 3),
      now,
      days,
      seed: 1,
    });
    for (const service of services.slice(0, 3)) {
      expect(same(eventsOf(few, service), eventsOf(history, service))).toBe(
        true,
      );
    }
  });

  it('produces a realistic amount of data, fast', () => {
    const started = performance.now();
    generateDemoHistory({ services, now, days, seed: 7 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(history.deployments.length).toBeGreaterThan(1000);
    expect(history.deployments.length).toBeLessThan(10_000);
    expect(history.changes.length).toBeGreaterThan(5000);
    expect(history.changes.length).toBeLessThan(50_000);
    expect(history.incidents.length).toBeGreaterThan(20);
  });

  it('puts every timestamp, with an offset, inside the simulated days', () => {
    const stamps: string[] = [];
    const add = (...values: (string | null | undefined)[]) =>
      values.forEach(v => v !== undefined && v !== null && stamps.push(v));
    for (const d of history.deployments) {
      add(d.startedAt, d.finishedAt);
      d.commits?.forEach(c => add(c.committedAt, c.authoredAt));
    }
    for (const c of history.changes) {
      add(c.committedAt, c.authoredAt);
      const pr = c.pullRequest;
      add(pr?.createdAt, pr?.firstReviewAt, pr?.mergedAt);
    }
    history.incidents.forEach(i => add(i.startedAt, i.resolvedAt));

    expect(stamps.length).toBeGreaterThan(50_000);
    const start = now.getTime() - days * DAY;
    const bad = stamps.filter(
      s =>
        !/(Z|[+-]\d\d:\d\d)$/.test(s) ||
        !(Date.parse(s) < now.getTime() && Date.parse(s) > start),
    );
    expect(bad).toEqual([]);
  });

  it('keeps ids unique per source', () => {
    const keys = (items: { source: string; id: string }[]) =>
      new Set(items.map(i => `${i.source}:${i.id}`)).size;
    expect(keys(history.deployments)).toBe(history.deployments.length);
    expect(keys(history.incidents)).toBe(history.incidents.length);
    const commits = new Set(
      history.changes.map(c => `${c.repository}@${c.sha}`),
    );
    expect(commits.size).toBe(history.changes.length);
  });

  it('attributes by repository and PagerDuty service where the service has them', () => {
    for (const service of services) {
      const { deployments, incidents } = eventsOf(history, service);
      expect(deployments.length).toBeGreaterThan(0);
      const key = service.repository ?? service.entityRef;
      expect(
        deployments.filter(
          d =>
            (d.repository ?? d.entityRef) !== key ||
            (d.repository && d.entityRef),
        ),
      ).toEqual([]);
      const pager = service.pagerDutyServiceId ?? service.entityRef;
      expect(
        incidents.filter(i => (i.service ?? i.entityRef) !== pager),
      ).toEqual([]);
    }
    const attributed = services.reduce(
      (n, s) => n + eventsOf(history, s).incidents.length,
      0,
    );
    expect(attributed).toBe(history.incidents.length);
  });

  it('deploys only commits that exist in the service history', () => {
    for (const service of services) {
      const { deployments, production, changes } = eventsOf(history, service);
      const known = new Set(changes.map(c => c.sha));
      deployments.forEach(d => d.commits?.forEach(c => known.add(c.sha)));
      // Without a repository, only what reached production is listed anywhere.
      const checked = service.repository ? deployments : production;
      expect(checked.filter(d => !known.has(d.sha!))).toEqual([]);
      expect(production.length).toBeGreaterThan(0);
    }
  });

  it('rolls back to the previous production deployment of the same service', () => {
    const rollbacks = services.flatMap(service => {
      const { production } = eventsOf(history, service);
      return production.flatMap((d, i) => {
        if (d.kind !== 'rollback') return [];
        const target = production.findIndex(p => p.id === d.rollbackOf);
        const before = production
          .slice(0, Math.max(target, 0))
          .reverse()
          .find(p => p.sha !== production[target].sha);
        return [{ ok: target > 0 && target < i && d.sha === before?.sha, d }];
      });
    });
    expect(rollbacks.length).toBeGreaterThan(3);
    expect(rollbacks.filter(r => !r.ok)).toEqual([]);
  });

  it('forms one first-parent chain per repository, with branches off it', () => {
    for (const service of services.filter(s => s.repository)) {
      const { changes } = eventsOf(history, service);
      const bySha = new Map(changes.map(c => [c.sha, c]));
      expect(changes.filter(c => c.parents?.length === 0)).toHaveLength(1);
      const broken = changes.filter(c =>
        (c.parents ?? []).some(parent => {
          const p = bySha.get(parent);
          return !p || Date.parse(p.committedAt) > Date.parse(c.committedAt);
        }),
      );
      expect(broken).toEqual([]);
      // Walking first parents from the newest commit reaches the root.
      const newest = changes.reduce((a, b) =>
        Date.parse(b.committedAt) >= Date.parse(a.committedAt) ? b : a,
      );
      let steps = 0;
      for (let c = newest; c.parents?.length; c = bySha.get(c.parents[0])!) {
        steps++;
      }
      expect(steps).toBeGreaterThan(
        changes.filter(c => !isBranchCommit(c)).length / 3,
      );
    }
  });

  it('orders pull-request timestamps', () => {
    const prs = history.changes.filter(
      c => c.pullRequest && !isBranchCommit(c),
    );
    expect(prs.length / history.changes.length).toBeGreaterThan(0.6);
    const unordered = prs.filter(({ pullRequest: pr, ...c }) => {
      // A merge commit is authored when merged; its branch carries the work.
      const work = c.parents!.length > 1 ? undefined : c.authoredAt;
      const order = [work, pr!.createdAt, pr!.firstReviewAt, pr!.mergedAt]
        .filter((v): v is string => !!v)
        .map(v => Date.parse(v));
      const sorted = order.every((v, i) => i === 0 || order[i - 1] <= v);
      return !sorted || pr!.mergedAt !== c.committedAt;
    });
    expect(unordered).toEqual([]);
    expect(prs.some(c => !c.pullRequest!.firstReviewAt)).toBe(true);
  });

  it('squash-merges the pull requests of a squash-merging service', () => {
    const service = services.find(s => s.squashMerges)!;
    const { changes, production } = eventsOf(history, service);
    const merged = changes.filter(c => c.pullRequest?.mergedAt);
    const branches = new Map<number, ChangeInput[]>();
    for (const c of changes.filter(isBranchCommit)) {
      const number = c.pullRequest!.number;
      branches.set(number, [...(branches.get(number) ?? []), c]);
    }
    // Nearly every pull request is squashed (not one opened before the
    // first commit): one parent, stamped with the merge, branch commits
    // with its number authored before it was created.
    const squashed = merged.filter(c => branches.has(c.pullRequest!.number));
    expect(squashed.length).toBeGreaterThan(merged.length * 0.9);
    expect(squashed.length).toBeGreaterThan(50);
    for (const c of squashed) {
      expect(c.parents).toHaveLength(1);
      expect(c.authoredAt).toBeUndefined();
      expect(c.committedAt).toBe(c.pullRequest!.mergedAt);
      const branch = branches.get(c.pullRequest!.number)!;
      const first = Math.min(...branch.map(b => Date.parse(b.authoredAt!)));
      expect(first).toBeLessThan(Date.parse(c.pullRequest!.createdAt!));
      for (const b of branch)
        expect(Date.parse(b.committedAt)).toBeLessThan(
          Date.parse(c.committedAt),
        );
    }
    // Every pull request number of a branch commit is one merged.
    const numbers = new Set(merged.map(c => c.pullRequest!.number));
    expect([...branches.keys()].every(n => numbers.has(n))).toBe(true);
    // The four stages have their timestamps: created, reviewed, merged.
    expect(squashed.some(c => c.pullRequest!.firstReviewAt)).toBe(true);
    // Deployments ship squash commits: the main line, never a branch commit.
    const branchShas = new Set(changes.filter(isBranchCommit).map(c => c.sha));
    expect(production.length).toBeGreaterThan(10);
    expect(production.every(d => !branchShas.has(d.sha!))).toBe(true);
    // The other services merge as before: no branch commit without a merge.
    expect(
      history.changes.filter(
        c => isBranchCommit(c) && c.repository !== service.repository,
      ),
    ).toEqual([]);
  });

  it('covers every case the backend has to handle', () => {
    const { deployments, changes, incidents } = history;
    const some = <T>(items: T[], test: (item: T) => boolean) =>
      items.filter(test).length;
    expect(some(deployments, d => d.status === 'failure')).toBeGreaterThan(10);
    expect(some(deployments, d => d.environment === 'staging')).toBeGreaterThan(
      10,
    );
    expect(some(deployments, d => d.kind === 'hotfix')).toBeGreaterThan(3);
    expect(some(deployments, d => !!d.commits)).toBeGreaterThan(10);
    expect(some(deployments, d => !d.commits)).toBeGreaterThan(1000);
    expect(some(changes, c => (c.parents?.length ?? 0) > 1)).toBeGreaterThan(
      10,
    );
    expect(some(incidents, i => !i.resolvedAt)).toBeGreaterThan(1);
    expect(some(incidents, i => !!i.causeDeploymentId)).toBeGreaterThan(0);
    for (const i of incidents.filter(x => x.causeDeploymentId)) {
      const [source, id] = i.causeDeploymentId!.split(':');
      expect(deployments.some(d => d.source === source && d.id === id)).toBe(
        true,
      );
    }
  });

  it('separates the profiles', () => {
    const of = (profile: DemoProfile) =>
      services
        .filter(s => s.profile === profile)
        .map(s => eventsOf(history, s));
    const elite = of('elite');
    const low = of('low');
    const fewestElite = Math.min(...elite.map(e => e.production.length));
    const mostLow = Math.max(...low.map(e => e.production.length));
    expect(fewestElite).toBeGreaterThan(10 * mostLow);

    const perWeek = (e: { production: DeploymentInput[] }) =>
      new Set(e.production.map(d => Math.floor(Date.parse(d.finishedAt) / DAY)))
        .size /
      (days / 7);
    expect(Math.min(...elite.map(perWeek))).toBeGreaterThanOrEqual(5);
    expect(Math.max(...low.map(perWeek))).toBeLessThan(1);
  });

  it('lands services in the band of their profile', () => {
    const results = services.map(s => ({ service: s, bands: bands(s) }));
    const misses = results.flatMap(({ service, bands: b }) =>
      Object.entries(b)
        .filter(([, band]) => band !== service.profile)
        .map(([metric, band]) => `${service.entityRef} ${metric}: ${band}`),
    );
    // Chance may push the odd metric over a boundary, as in a real team.
    expect(misses.length).toBeLessThanOrEqual(services.length * 4 * 0.1);
    for (const profile of ['elite', 'high', 'medium', 'low'] as const) {
      const mostly = results
        .filter(r => r.service.profile === profile)
        .flatMap(r => Object.values(r.bands));
      expect(mostly.filter(b => b === profile).length).toBeGreaterThan(
        mostly.length * 0.75,
      );
    }
  });
});
