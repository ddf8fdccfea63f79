import { pct } from './measure';

/** One printed figure, with its reference and goal. */
export type Row = {
  figure: string;
  db: string;
  value: string;
  reference?: string;
  ratio?: string;
  goal?: string;
  /** `value / limit` where lower is better (1 = at the goal); undefined: no goal. */
  load?: number;
};

export function statusOf(row: Row) {
  if (row.load === undefined) return '';
  return row.load <= 1 ? 'PASS' : 'MISS';
}

/** Misses by more than 2x: the only ones that fail the run. */
export const badMiss = (row: Row) => row.load !== undefined && row.load > 2;

export function printTable(rows: Row[]) {
  const head = ['figure', 'db', 'value', 'reference', 'ratio', 'goal', ''];
  const cells = rows.map(r => [
    r.figure,
    r.db,
    r.value,
    r.reference ?? '',
    r.ratio ?? '',
    r.goal ?? '',
    statusOf(r),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...cells.map(c => c[i].length)),
  );
  const line = (c: string[]) =>
    `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  const out = [
    line(head),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const x2 = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/** `p50 / p95` of durations in ms. */
export const p50p95 = (times: readonly number[]) =>
  `${ms(pct(times, 0.5))} / ${ms(pct(times, 0.95))}`;
