/**
 * PagerDuty v3 webhooks for the Backstage events backend: an HTTP ingress at
 * `/api/events/http/pagerduty` that checks `X-PagerDuty-Signature`.
 *
 * @packageDocumentation
 */

export { eventsModulePagerduty as default } from './module';
export {
  createPagerDutySignatureValidator,
  WEBHOOK_SECRETS_KEY,
} from './createPagerDutySignatureValidator';
