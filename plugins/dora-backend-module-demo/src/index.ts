/**
 * A backend module for the DORA metrics plugin that fills a demo install
 * with simulated, reproducible history. The history generator and its
 * seeded random numbers are exported too, for tests and benchmarks that
 * need the same plausible data.
 *
 * @packageDocumentation
 */
export { doraModuleDemo as default } from './module';
export { DEMO_PROFILE_ANNOTATION } from './demo/DemoSeeder';
export {
  generateDemoHistory,
  type DemoHistory,
  type DemoProfile,
  type DemoService,
} from './demo/generateDemoHistory';
export {
  hashString,
  intBetween,
  mulberry32,
  pick,
  type Rng,
} from './demo/random';
