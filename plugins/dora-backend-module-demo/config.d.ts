export interface Config {
  dora?: {
    /**
     * Simulated history for a demo organisation, read by
     * `@dora-metrics/plugin-dora-backend-module-demo`: catalog entities with
     * the `dora-metrics/demo-profile` annotation get commits, deployments and
     * incidents pushed at startup. Never enable in production.
     */
    demo?: {
      /** @default false */
      enabled?: boolean;
      /** Days of history, ending at startup. @default 180 */
      days?: number;
      /** The same seed gives the same history. @default 1 */
      seed?: number;
    };
  };
}
