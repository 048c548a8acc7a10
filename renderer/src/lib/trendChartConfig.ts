/** The Chart.js configuration of one trend chart, apart from the canvas so it can be tested in Node. */
import type { ChartConfiguration } from 'chart.js';

export interface TrendSeries {
  label: string;
  values: (number | null)[];
  /** A CSS variable of the chart palette, e.g. `--chart-1`. */
  color: string;
  /** Chart.js draws the first series on top: dash it where it may lie over the next one. */
  dashed?: boolean;
}

export interface TrendChartInput {
  labels: string[];
  series: TrendSeries[];
  /** Values are shares in percent: the axis ends at 100 and the tooltip says "%". */
  percent: boolean;
}

/** Colours resolved from the theme when the chart is drawn. */
export interface ChartColors {
  text: string;
  grid: string;
  of(variable: string): string;
}

export type TrendChartConfig = ChartConfiguration<'line', (number | null)[], string>;

/**
 * Every trend is a line: a bar of zero has no height, so a chart whose values were all zero
 * (no missing patches, the good news) drew nothing at all. Lines are not clipped: Chart.js clips
 * a dataset exactly at an axis bound that is set (min 0, max 100), which cut away half of a
 * line lying on it, and an all-zero line lies on the bottom edge.
 */
export function trendChartConfig({ labels, series, percent }: TrendChartInput, colors: ChartColors): TrendChartConfig {
  return {
    type: 'line',
    data: {
      labels,
      datasets: series.map((s) => {
        const color = colors.of(s.color);
        return {
          label: s.label,
          data: s.values,
          borderColor: color,
          backgroundColor: color,
          borderDash: s.dashed ? [6, 4] : [],
          pointRadius: 3,
          tension: 0.2,
          spanGaps: true,
          clip: false,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { color: colors.text }, grid: { color: colors.grid } },
        y: {
          min: 0,
          // A count axis spans at least 0..1, so all-zero lines lie on an axis that has a height.
          ...(percent ? { max: 100 } : { suggestedMax: 1 }),
          ticks: { color: colors.text, precision: 0, ...(percent ? { callback: (v: string | number) => `${v}%` } : {}) },
          grid: { color: colors.grid },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: colors.text, boxWidth: 12, boxHeight: 12 } },
        tooltip: percent ? { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${Number(c.parsed.y).toFixed(1)}%` } } : {},
      },
    },
  };
}
