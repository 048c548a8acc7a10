/** The Chart.js configuration of one trend chart, apart from the canvas so it can be tested in Node. */
import type { ChartConfiguration } from 'chart.js';

export interface TrendSeries {
  label: string;
  values: (number | null)[];
  /** A CSS variable of the chart palette, e.g. `--chart-1`. */
  color: string;
  /** Chart.js draws the first series on top: dash it where it may lie over the next one. */
  dashed?: boolean;
  /** A null value is "not read" (an older snapshot, a denied source): the line breaks there instead of bridging it. */
  breakAtNull?: boolean;
}

export interface TrendChartInput {
  labels: string[];
  series: TrendSeries[];
  /** Values are shares in percent: the axis ends at 100 and the tooltip says "%". */
  percent: boolean;
  /**
   * Per point, what a partial audit lacked (shared/snapshotDescription `partialNote`), or null. Such a
   * point is drawn as a cross, the lines into and out of it dotted, the legend names the mark and the
   * tooltip says what was missing: a drop in nodes reads as missing scopes, not a shrinking fleet.
   */
  partial?: (string | null)[];
  /** The legend's word for the mark, when any point is partial. */
  partialLabel?: string;
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
export function trendChartConfig(
  { labels, series, percent, partial = [], partialLabel = '' }: TrendChartInput,
  colors: ChartColors,
): TrendChartConfig {
  const isPartial = (index: number): boolean => Boolean(partial[index]);
  const anyPartial = labels.some((_, i) => isPartial(i));
  const pointStyle = labels.map((_, i) => (isPartial(i) ? 'crossRot' : 'circle'));
  const pointRadius = labels.map((_, i) => (isPartial(i) ? 7 : 3));
  const datasets: TrendChartConfig['data']['datasets'] = series.map((s) => {
    const color = colors.of(s.color);
    return {
      label: s.label,
      data: s.values,
      borderColor: color,
      backgroundColor: color,
      borderDash: s.dashed ? [6, 4] : [],
      pointStyle,
      pointRadius,
      pointBorderWidth: labels.map((_, i) => (isPartial(i) ? 2 : 1)),
      segment: { borderDash: (c) => (isPartial(c.p0DataIndex) || isPartial(c.p1DataIndex) ? [2, 3] : undefined) },
      tension: 0.2,
      spanGaps: !s.breakAtNull,
      clip: false,
    };
  });
  // A legend entry for the mark alone: a dataset with no values draws nothing but its key.
  if (anyPartial)
    datasets.push({
      label: partialLabel,
      data: labels.map(() => null),
      borderColor: colors.text,
      backgroundColor: colors.text,
      pointStyle: 'crossRot',
    });
  return {
    type: 'line',
    data: { labels, datasets },
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
        legend: { position: 'bottom', labels: { color: colors.text, boxWidth: 12, boxHeight: 12, usePointStyle: anyPartial } },
        tooltip: {
          callbacks: {
            ...(percent ? { label: (c) => `${c.dataset.label ?? ''}: ${Number(c.parsed.y).toFixed(1)}%` } : {}),
            footer: (items) => partial[items[0]?.dataIndex ?? -1] ?? '',
          },
        },
      },
    },
  };
}
