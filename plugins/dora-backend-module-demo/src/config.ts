import { Config } from '@backstage/config';

/** `dora.demo` with its defaults (see config.d.ts). */
export type DemoConfig = {
  enabled: boolean;
  /** Days of history to simulate, ending now. */
  days: number;
  /** Seed of the simulation: the same seed gives the same history. */
  seed: number;
};

export function readDemoConfig(root: Config): DemoConfig {
  const demo = root.getOptionalConfig('dora.demo');
  const days = demo?.getOptionalNumber('days') ?? 180;
  if (!(days > 0)) {
    throw new Error(`dora.demo.days: must be more than 0, not ${days}`);
  }
  return {
    enabled: demo?.getOptionalBoolean('enabled') ?? false,
    days,
    seed: demo?.getOptionalNumber('seed') ?? 1,
  };
}
