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
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  recoveryTimeBand,
} from './bands';

describe('bands', () => {
  it('bands the worked example figures', () => {
    expect(deploymentFrequencyBand(3, 3)).toBe('high');
    expect(leadTimeBand(14)).toBe('elite');
    expect(changeFailureRateBand(0.5)).toBe('low');
    expect(recoveryTimeBand(2.75)).toBe('high');
  });

  it('treats thresholds as the spec table says (>=, <, <=)', () => {
    expect(deploymentFrequencyBand(5, 20)).toBe('elite');
    expect(deploymentFrequencyBand(0.5, 1)).toBe('medium');
    expect(deploymentFrequencyBand(0, 0)).toBe('low');
    expect(leadTimeBand(24)).toBe('high');
    expect(leadTimeBand(24 * 7)).toBe('medium');
    expect(leadTimeBand(24 * 30)).toBe('low');
    expect(changeFailureRateBand(0.05)).toBe('elite');
    expect(changeFailureRateBand(0.15)).toBe('medium');
    expect(changeFailureRateBand(0.151)).toBe('low');
    expect(recoveryTimeBand(1)).toBe('high');
    expect(recoveryTimeBand(24 * 7)).toBe('low');
  });

  it('gives no band to a missing figure', () => {
    expect(leadTimeBand(null)).toBeNull();
    expect(changeFailureRateBand(null)).toBeNull();
    expect(recoveryTimeBand(null)).toBeNull();
    expect(deploymentFrequencyBand(null, null)).toBeNull();
  });
});
