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
      {row.deployments === null ? (
        <div>Before the first stored deployment</div>
      ) : (
        <div>
          {row.failedDeployments} failed / {row.deployments}{' '}
          {row.deployments === 1 ? 'deployment' : 'deployments'}
        </div>
      )}
    </div>
  );
}
