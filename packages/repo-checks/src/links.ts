import fs from 'node:fs';
import path from 'node:path';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (outside code blocks). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    const heading = !inCode && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const base = headingAnchor(heading[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n ? `${base}-${n}` : base);
    }
  }
  return anchors;
}

/** A relative link of a Markdown file that points nowhere. */
export type BrokenLink = { file: string; target: string; reason: string };

/**
 * Checks the relative links (`[text](path#anchor)`) of a Markdown file: the
 * file must exist and, for a Markdown target, have the anchor.
 */
export function brokenLinks(
  file: string,
  markdown = fs.readFileSync(file, 'utf8'),
): BrokenLink[] {
  const text = markdown.replace(/^\s*(```|~~~)[\s\S]*?^\s*\1/gm, '');
  const broken: BrokenLink[] = [];
  for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1];
    if (/^[a-z]+:/i.test(target)) continue;
    const [rel, anchor] = target.split('#');
    const resolved = rel ? path.resolve(path.dirname(file), rel) : file;
    if (!fs.existsSync(resolved)) {
      broken.push({ file, target, reason: 'no such file' });
    } else if (
      anchor &&
      resolved.endsWith('.md') &&
      !anchorsOf(fs.readFileSync(resolved, 'utf8')).has(anchor)
    ) {
      broken.push({ file, target, reason: 'no such heading' });
    }
  }
  return broken;
}
