/** The organisations the benchmark generates (issue #5, "Scale: a benchmark"). */
export type BenchSize = {
  name: 'small' | 'large';
  services: number;
  /** Groups per level, root first: the root level has one group. */
  groupLevels: number[];
  templates: number;
  days: number;
  deployments: number;
  commits: number;
  incidents: number;
};

const DAY_MS = 86_400_000;

/** The history ends here: fixed, so that a seed gives the same data every run. */
export const END = Date.parse('2026-11-02T00:00:00Z');

export const SIZES: Record<BenchSize['name'], BenchSize> = {
  // One year scaled down so that it loads in about two minutes on 2 cores.
  small: {
    name: 'small',
    services: 200,
    groupLevels: [1, 4, 16],
    templates: 6,
    days: 365,
    deployments: 20_000,
    commits: 100_000,
    incidents: 800,
  },
  // The large organisation (generated streaming; not run in CI).
  large: {
    name: 'large',
    services: 5_000,
    groupLevels: [1, 10, 60, 729],
    templates: 60,
    days: 730,
    deployments: 1_000_000,
    commits: 5_000_000,
    incidents: 40_000,
  },
};

/** The measured window: the last year of the history, `[END - 365 d, END)`. */
export const WINDOW = { from: END - 365 * DAY_MS, to: END };

export function historyStart(size: BenchSize) {
  return END - size.days * DAY_MS;
}
