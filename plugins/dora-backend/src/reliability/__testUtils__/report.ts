import { appendFileSync } from 'node:fs';

/**
 * Prints one part's figures on a line of its own (Jest would decorate a
 * console.log with a stack), and appends them as JSON to the file named by
 * DORA_RELIABILITY_REPORT, from which `yarn test:reliability` prints a summary.
 */
export function printFigures(
  part: string,
  figures: Record<string, number | string>,
) {
  const text = Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  process.stdout.write(`\n[reliability] ${part}: ${text}\n`);
  const file = process.env.DORA_RELIABILITY_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ part, ...figures })}\n`);
}
