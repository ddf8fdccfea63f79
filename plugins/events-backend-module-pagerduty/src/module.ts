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
