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

import { revertOfCommitMessage, revertOfPullRequest } from './reverts';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const REPO = 'acme/shop';

describe('revertOfCommitMessage', () => {
  it('reads the commit git revert names, with or without the period', () => {
    expect(
      revertOfCommitMessage(
        `Revert "Add cart totals"\n\nThis reverts commit ${SHA}.\n`,
        REPO,
      ),
    ).toEqual({ sha: SHA });
    expect(
      revertOfCommitMessage(
        `Revert "x"\n\nBroke checkout.\n\nThis reverts commit ${SHA.slice(
          0,
          9,
        ).toUpperCase()}\n\nSigned-off-by: someone`,
        REPO,
      ),
    ).toEqual({ sha: SHA.slice(0, 9) });
  });

  it("reads GitLab's merge request revert, of this project only", () => {
    const message = (ref: string) =>
      `Revert "Merge branch 'tax' into 'main'"\n\nThis reverts merge request ${ref}`;
    expect(revertOfCommitMessage(message('!123'), REPO)).toEqual({
      pullRequest: 123,
    });
    expect(revertOfCommitMessage(message('acme/shop!9'), REPO)).toEqual({
      pullRequest: 9,
    });
    expect(revertOfCommitMessage(message('other/lib!9'), REPO)).toBe(undefined);
  });

  it('is not a revert otherwise', () => {
    for (const message of [
      undefined,
      'Add cart totals',
      'Revert "Add cart totals"',
      'This reverts commit abc', // too short to be a sha
      `Mentions that this reverts commit in prose ${SHA}`,
    ]) {
      expect(revertOfCommitMessage(message, REPO)).toBe(undefined);
    }
  });
});

describe('revertOfPullRequest', () => {
  it("reads GitHub's revert button: Reverts owner/repo#123", () => {
    expect(
      revertOfPullRequest(
        'Revert "Add cart totals"',
        'Reverts acme/shop#42',
        REPO,
      ),
    ).toEqual({ pullRequest: 42 });
    expect(
      revertOfPullRequest(
        'Revert "Add cart totals"',
        'Reverts #42\n\nWhy: broken',
        REPO,
      ),
    ).toEqual({ pullRequest: 42 });
    expect(
      revertOfPullRequest('Revert "x"', 'Reverts ACME/Shop#42', REPO),
    ).toEqual({ pullRequest: 42 });
  });

  it("reads GitLab's description and a named commit", () => {
    expect(
      revertOfPullRequest(
        'Revert "Fix tax"',
        'This reverts merge request !120',
        REPO,
      ),
    ).toEqual({ pullRequest: 120 });
    expect(
      revertOfPullRequest(
        'Revert "Fix tax"',
        `This reverts commit ${SHA}.`,
        REPO,
      ),
    ).toEqual({ sha: SHA });
  });

  it('needs the Revert "..." title, a named change and the same repository', () => {
    expect(revertOfPullRequest('Fix tax', 'Reverts acme/shop#42', REPO)).toBe(
      undefined,
    );
    expect(revertOfPullRequest('Revert "x"', 'Undo it', REPO)).toBe(undefined);
    expect(revertOfPullRequest('Revert "x"', undefined, REPO)).toBe(undefined);
    expect(
      revertOfPullRequest('Revert "x"', 'Reverts other/lib#42', REPO),
    ).toBe(undefined);
  });
});
