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
