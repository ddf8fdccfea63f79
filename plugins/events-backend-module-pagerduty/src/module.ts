import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import {
  createPagerDutySignatureValidator,
  WEBHOOK_SECRETS_KEY,
} from './createPagerDutySignatureValidator';

/** The events topic PagerDuty webhooks are published on. */
export const PAGERDUTY_TOPIC = 'pagerduty';

/**
 * Receives PagerDuty v3 webhooks at `/api/events/http/pagerduty`, checks
 * their `X-PagerDuty-Signature`, and publishes them on the `pagerduty` topic.
 *
 * @public
 */
export const eventsModulePagerduty = createBackendModule({
  pluginId: 'events',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        events: eventsExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ config, events, logger }) {
        const validator = createPagerDutySignatureValidator(config);
        if (!validator) {
          logger.warn(
            `${WEBHOOK_SECRETS_KEY} is not set: PagerDuty webhooks are not received`,
          );
          return;
        }
        events.addHttpPostIngress({ topic: PAGERDUTY_TOPIC, validator });
      },
    });
  },
});
