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
  filesWithoutLicenseHeader,
  hasLicenseHeader,
  LICENSE_HEADER,
} from './licenseHeaders';

describe('licence headers', () => {
  it('opens every source file of the repository with the Apache-2.0 header', () => {
    expect(filesWithoutLicenseHeader()).toEqual([]);
  });

  it('accepts the header after a shebang, and nothing else', () => {
    expect(hasLicenseHeader(`${LICENSE_HEADER}\nexport {};\n`)).toBe(true);
    expect(hasLicenseHeader(`#!/usr/bin/env node\n${LICENSE_HEADER}`)).toBe(
      true,
    );
    expect(hasLicenseHeader('export {};\n')).toBe(false);
    expect(
      hasLicenseHeader(`// a comment first\n${LICENSE_HEADER}export {};\n`),
    ).toBe(false);
    expect(
      hasLicenseHeader(LICENSE_HEADER.replace('Apache License', 'MIT License')),
    ).toBe(false);
  });
});
