import { CSSProperties } from 'react';
import { formatRate } from '../shared';
import { ChartRow } from './chartData';

/**
 * The change failure rate of a bucket with its counts: a rate of 100 % from
 * one deployment reads very differently from 100 % of twenty.
 */
export function FailureRateTooltip(props: {
  active?: boolean;
  label?: string;
  payload?: { payload?: ChartRow }[];
  style?: CSSProperties;
}) {
  const row = props.payload?.[0]?.payload;
  if (!props.active || !row) return null;
  return (
    <div style={{ padding: 8, ...props.style }}>
      <div style={{ fontWeight: 600 }}>{props.label}</div>
      <div>
        {row.changeFailurePercent === null
          ? 'No deployments'
          : `Change failure rate ${formatRate(row.changeFailurePercent / 100)}`}
      </div>
      <div>
        {row.failedDeployments} failed / {row.deployments}{' '}
        {row.deployments === 1 ? 'deployment' : 'deployments'}
      </div>
    </div>
  );
}
