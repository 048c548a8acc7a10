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
      [[0, 0, 0], 'color(--chart-3)', [3, 3, 3], false],
      [[0, 0, 0], 'color(--chart-4)', [3, 3, 3], false],
    ]);
    expect(zeros.options?.scales?.y).toMatchObject({ min: 0, suggestedMax: 1 });
  });

  it('shows a line under an equal one through the gaps of a dashed one', () => {
    expect(zeros.data.datasets.map((d) => d.borderDash)).toEqual([[6, 4], []]);
  });

  it('breaks a line where a series says null is "not read", and bridges the others', () => {
    const coverage = trendChartConfig(
      {
        labels: ['a', 'b', 'c'],
        series: [
          { label: 'EC2 instances', values: [null, 12, 14], color: '--chart-8', breakAtNull: true },
          { label: 'nodes', values: [10, 11, 12], color: '--chart-1' },
        ],
        percent: false,
      },
      colors,
    );
    expect(coverage.data.datasets.map((d) => [d.data, d.spanGaps])).toEqual([
      [[null, 12, 14], false],
      [[10, 11, 12], true],
    ]);
  });

  it('ends a percent axis at 100', () => {
    const shares = trendChartConfig(
      { labels: ['a'], series: [{ label: 'ready', values: [0], color: '--chart-1' }], percent: true },
      colors,
    );
    expect(shares.options?.scales?.y).toMatchObject({ min: 0, max: 100 });
  });

  // Issue 27: the partial audit (#3) read as a fleet that shrank.
  describe('a partial snapshot', () => {
    const missing = 'partial: 2 of 14 account × region scopes not audited';
    const config = trendChartConfig(
      {
        labels: ['#1', '#2', '#3', '#4'],
        series: [{ label: 'nodes', values: [1818, 1818, 1616, 1818], color: '--chart-8' }],
        percent: false,
        partial: [null, null, missing, null],
        partialLabel: 'Partial audit',
      },
      colors,
    );
    const [nodes, legend] = config.data.datasets;
    type SegmentDash = (c: { p0DataIndex: number; p1DataIndex: number }) => number[] | undefined;
    const segmentDash = (p0DataIndex: number) =>
      (nodes!.segment as { borderDash: SegmentDash }).borderDash({ p0DataIndex, p1DataIndex: p0DataIndex + 1 });

    it('marks its point with its own style and size', () => {
      expect(nodes!.pointStyle).toEqual(['circle', 'circle', 'crossRot', 'circle']);
      expect(nodes!.pointRadius).toEqual([3, 3, 7, 3]);
    });

    it('dots the lines into and out of it, and only those', () => {
      expect([0, 1, 2].map(segmentDash)).toEqual([undefined, [2, 3], [2, 3]]);
    });

    it('names the mark in the legend with an entry that draws no values', () => {
      expect(config.data.datasets).toHaveLength(2);
      expect(legend).toMatchObject({ label: 'Partial audit', pointStyle: 'crossRot', data: [null, null, null, null] });
      expect(config.options?.plugins?.legend?.labels?.usePointStyle).toBe(true);
    });

    it('says in the tooltip what was missing at that point, and nothing elsewhere', () => {
      const footer = config.options!.plugins!.tooltip!.callbacks!.footer as (items: Array<{ dataIndex: number }>) => string;
      expect(footer([{ dataIndex: 2 }])).toBe(missing);
      expect(footer([{ dataIndex: 1 }])).toBe('');
    });

    it('adds no legend entry when every snapshot is complete', () => {
      expect(zeros.data.datasets).toHaveLength(2);
      expect(zeros.options?.plugins?.legend?.labels?.usePointStyle).toBe(false);
    });
  });
});
