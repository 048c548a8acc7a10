/** The trend charts' Chart.js configuration: what is drawn when every value is zero. */
import { describe, expect, it } from 'vitest';
import { trendChartConfig } from '../../renderer/src/lib/trendChartConfig';

const colors = { text: '#111', grid: '#ddd', of: (variable: string) => `color(${variable})` };

describe('trend chart configuration', () => {
  const zeros = trendChartConfig(
    {
      labels: ['a', 'b', 'c'],
      series: [
        { label: 'critical', values: [0, 0, 0], color: '--chart-3', dashed: true },
        { label: 'security', values: [0, 0, 0], color: '--chart-4' },
      ],
      percent: false,
    },
    colors,
  );

  it('draws all-zero series as whole lines with points, on an axis from 0 to at least 1', () => {
    expect(zeros.type).toBe('line');
    expect(zeros.data.datasets.map((d) => [d.data, d.borderColor, d.pointRadius, d.clip])).toEqual([
      [[0, 0, 0], 'color(--chart-3)', 3, false],
      [[0, 0, 0], 'color(--chart-4)', 3, false],
    ]);
    expect(zeros.options?.scales?.y).toMatchObject({ min: 0, suggestedMax: 1 });
  });

  it('shows a line under an equal one through the gaps of a dashed one', () => {
    expect(zeros.data.datasets.map((d) => d.borderDash)).toEqual([[6, 4], []]);
  });

  it('ends a percent axis at 100', () => {
    const shares = trendChartConfig(
      { labels: ['a'], series: [{ label: 'ready', values: [0], color: '--chart-1' }], percent: true },
      colors,
    );
    expect(shares.options?.scales?.y).toMatchObject({ min: 0, max: 100 });
  });
});
