/**
 * Trend charts as static inline SVG: a PDF cannot run scripts, and the report must render with
 * no network, so no chart library is loaded into the page. Sizes are in CSS pixels of the viewBox;
 * the SVG scales to its container's width.
 */
import { html, raw, type RawHtml } from './html';

export interface ChartSeries {
  label: string;
  color: string;
  values: ReadonlyArray<number | null>;
  dashed?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabels: readonly string[];
  series: readonly ChartSeries[];
  /** Fixed top of the y axis (100 for percentages); otherwise a round number above the data. */
  yMax?: number;
  yFormat?: (value: number) => string;
  /**
   * Per point, what a partial audit lacked, or null (issue 27): drawn as a cross with dotted lines
   * into and out of it, named in the legend and, since a page has no tooltip, listed under the chart.
   */
  partial?: ReadonlyArray<string | null>;
  /** The legend's word for the cross. */
  partialLabel?: string;
  width?: number;
  height?: number;
}

/** 1, 2, 2.5 or 5 times a power of ten: tick steps people read at a glance. */
export function niceStep(max: number, ticks = 4): number {
  if (max <= 0) return 1;
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return Math.max(step, Number.isInteger(max) ? 1 : 0);
}

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

export function lineChart(opts: LineChartOptions): RawHtml {
  const width = opts.width ?? 640;
  const height = opts.height ?? 170;
  const margin = { top: 12, right: 24, bottom: 24, left: 44 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const all = opts.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const dataMax = Math.max(0, ...all);
  const step = niceStep(opts.yMax ?? dataMax);
  const yMax = opts.yMax ?? Math.max(step, Math.ceil(dataMax / step) * step);
  const fmt = opts.yFormat ?? ((v: number) => String(v));
  const n = opts.xLabels.length;
  const x = (i: number): number => margin.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number): number => margin.top + plotH - (v / yMax) * plotH;

  const grid: RawHtml[] = [];
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    grid.push(
      html`<line x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(v))}" y2="${round(y(v))}" class="grid" /><text
          x="${margin.left - 6}"
          y="${round(y(v) + 3)}"
          text-anchor="end"
          class="tick"
          >${fmt(v)}</text
        >`,
    );
  }
  // Show at most ~8 dates so labels never collide; always the first and the last.
  const every = Math.max(1, Math.ceil(n / 8));
  const xTicks = opts.xLabels.map((label, i) =>
    // The end labels hang inwards so they are never cut at the edge of the plot.
    i % every === 0 || i === n - 1
      ? html`<text
          x="${round(x(i))}"
          y="${height - margin.bottom + 14}"
          text-anchor="${n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'}"
          class="tick"
          >${label}</text
        >`
      : raw(''),
  );
  const partial = opts.partial ?? [];
  const isPartial = (i: number): boolean => Boolean(partial[i]);
  const lines = opts.series.map((s) => {
    const present = s.values.flatMap((v, i) => (v === null ? [] : [{ i, at: `${round(x(i))},${round(y(v))}` }]));
    // Runs of points joined as usual; a step into or out of a partial audit is its own dotted line.
    const runs: Array<{ dotted: boolean; points: string[] }> = [];
    present.forEach((p, k) => {
      if (k === 0) return;
      const prev = present[k - 1]!;
      const dotted = isPartial(prev.i) || isPartial(p.i);
      const last = runs.at(-1);
      if (last && last.dotted === dotted && !dotted) last.points.push(p.at);
      else runs.push({ dotted, points: [prev.at, p.at] });
    });
    if (present.length === 1) runs.push({ dotted: false, points: [present[0]!.at] });
    const dash = (dotted: boolean): RawHtml =>
      dotted ? raw(' stroke-dasharray="1.5 3"') : s.dashed ? raw(' stroke-dasharray="5 3"') : raw('');
    const polylines = runs.map(
      (run) => html`<polyline points="${run.points.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2" ${dash(run.dotted)} />`,
    );
    const dots = s.values.map((v, i) =>
      v === null
        ? raw('')
        : isPartial(i)
          ? cross(x(i), y(v), s.color)
          : html`<circle cx="${round(x(i))}" cy="${round(y(v))}" r="2.6" fill="${s.color}" />`,
    );
    return html`${polylines}${dots}`;
  });
  // The legend is HTML beside the SVG so it wraps like text however many series there are.
  const legend = opts.series.map((s) => html`<li><span class="swatch" style="background:${s.color}"></span>${s.label}</li>`);
  const partialPoints = opts.xLabels.flatMap((label, i) => (isPartial(i) ? [`${label}: ${partial[i]}`] : []));
  if (partialPoints.length) legend.push(html`<li class="partial-key"><span class="cross">×</span>${opts.partialLabel ?? ''}</li>`);
  return html`<figure class="chart">
    <figcaption>${opts.title}</figcaption>
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${opts.title}">
      ${grid}
      <line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" class="axis" />
      ${xTicks}${lines}
    </svg>
    <ul class="legend">
      ${legend}
    </ul>
    ${
      partialPoints.length
        ? html`<ul class="partial-points">
            ${partialPoints.map((p) => html`<li>× ${p}</li>`)}
          </ul>`
        : ''
    }
  </figure>`;
}

/** A partial audit's point: a cross, larger than a dot, in the series' colour. */
function cross(cx: number, cy: number, color: string): RawHtml {
  const d = 4.5;
  return html`<path
    class="partial-mark"
    d="M${round(cx - d)},${round(cy - d)} L${round(cx + d)},${round(cy + d)} M${round(cx - d)},${round(cy + d)} L${round(cx + d)},${round(cy - d)}"
    stroke="${color}"
    stroke-width="2"
    fill="none"
  />`;
}

/** Distinct colours that survive greyscale printing reasonably (Okabe–Ito palette). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;
