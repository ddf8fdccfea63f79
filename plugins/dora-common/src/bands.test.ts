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
