import { Link } from '@backstage/core-components';

// Event URLs come from senders outside Backstage: only web links are made
// clickable (core-components' Link throws on a javascript: URL, which would
// take the whole table down).
const WEB_URL = /^https?:\/\//i;

/** A link out to the event at its source (CI run, incident), when it has one. */
export function EventLink(props: { url: string | null; label: string }) {
  if (!props.url) return <>–</>;
  if (!WEB_URL.test(props.url)) return <code>{props.url}</code>;
  return (
    <Link to={props.url} aria-label={props.label}>
      Open
    </Link>
  );
}
