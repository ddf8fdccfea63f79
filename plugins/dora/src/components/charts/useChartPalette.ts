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

import { useTheme } from '@material-ui/core/styles';
import { CSSProperties } from 'react';

/**
 * Chart colours taken from the active theme, so that lines, axes and
 * tooltips keep their contrast in both the light and the dark theme
 * (recharts' defaults are greys and white boxes tuned for light pages).
 */
export function useChartPalette() {
  const theme = useTheme();
  const { palette } = theme;
  const tooltip: CSSProperties = {
    backgroundColor: palette.background.paper,
    border: `1px solid ${palette.divider}`,
    color: palette.text.primary,
    borderRadius: theme.shape.borderRadius,
  };
  return {
    primary: palette.primary.main,
    secondary: palette.secondary.main,
    failure: palette.error.main,
    recovery: palette.warning?.main ?? palette.secondary.main,
    rework: palette.info?.main ?? palette.primary.light,
    axis: palette.text.secondary,
    grid: palette.divider,
    threshold: palette.text.secondary,
    cursor: palette.action.hover,
    tooltip,
    tooltipLabel: { color: palette.text.primary, fontWeight: 600 },
  };
}

export type ChartPalette = ReturnType<typeof useChartPalette>;
