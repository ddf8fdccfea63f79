export interface Config {
  events?: {
    modules?: {
      pagerduty?: {
        /**
         * Signing secrets of the PagerDuty v3 webhook subscriptions that post
         * to /api/events/http/pagerduty. List both the old and the new secret
         * while rotating one. Without any, the route is not registered.
         * @visibility secret
         */
        webhookSecrets?: string[];
      };
    };
  };
}
