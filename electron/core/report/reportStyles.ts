/**
 * Print CSS of the report. Page size and margins are set by the printer (Chromium's page.pdf or
 * Electron's printToPDF), which also draws the running header and footer in those margins.
 */
import type { Lang } from '../../../shared/model';

/** Japanese first for Japanese text so kana and kanji get the JP forms; Latin-first for English. */
export function fontStack(lang: Lang): string {
  return lang === 'ja'
    ? "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', 'Meiryo', sans-serif"
    : "'Liberation Sans', Arial, Helvetica, 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";
}

export function reportCss(lang: Lang): string {
  return `
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fontStack(lang)}; font-size: 9pt; line-height: 1.45; color: #1b1f24; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; }
h2 { font-size: 15pt; margin: 0 0 8pt; padding-bottom: 3pt; border-bottom: 2px solid #0b4f8a; color: #0b4f8a; }
h3 { font-size: 11pt; margin: 12pt 0 5pt; }
h4 { font-size: 9.5pt; margin: 9pt 0 3pt; }
.todo a { overflow-wrap: anywhere; }
p { margin: 0 0 6pt; }
section { margin-bottom: 14pt; }
section.page { break-before: page; }
.muted { color: #5b6570; }
.small { font-size: 7.5pt; }
.mono { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK JP', monospace; font-size: 0.92em; }
.nowrap { white-space: nowrap; }
.cap { text-transform: capitalize; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

.cover { height: 232mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.cover .brand { font-size: 10pt; letter-spacing: 0.08em; color: #0b4f8a; text-transform: uppercase; margin-bottom: 10pt; }
.cover h1 { font-size: 24pt; margin: 0 0 24pt; color: #0b2f52; word-break: keep-all; overflow-wrap: anywhere; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 6pt 18pt; font-size: 11pt; margin: 0 0 30pt; }
.cover dt { color: #5b6570; }
.cover dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.cover .verdict-badge { align-self: flex-start; }
.cover .confidential { margin-top: auto; font-size: 8pt; color: #5b6570; border-top: 1px solid #ccd3da; padding-top: 6pt; }
/* Printed, every page's running footer already carries it; the HTML report keeps it on the cover. */
@media print { .cover .confidential { display: none; } }

.kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 6pt; margin: 6pt 0 10pt; }
.kpis.four { grid-template-columns: repeat(4, 1fr); }
.kpi { border: 1px solid #ccd3da; border-radius: 4pt; padding: 6pt 7pt; break-inside: avoid; }
.kpi .value { font-size: 16pt; font-weight: 700; color: #0b2f52; line-height: 1.1; }
.kpi .label { font-size: 7.5pt; color: #5b6570; min-height: 2.7em; }
.kpi .sub { font-size: 7.5pt; color: #1b1f24; }

.verdict { border-left: 5pt solid #888; background: #f3f5f7; padding: 7pt 10pt; margin: 8pt 0; break-inside: avoid; }
.verdict.good { border-color: #1a7f37; }
.verdict.fair { border-color: #bf8700; }
.verdict.poor { border-color: #cf222e; }
.verdict.unknown { border-color: #6e7781; }
.verdict .headline { font-size: 11.5pt; font-weight: 700; margin-bottom: 4pt; }
.verdict ul { margin: 0; padding-left: 14pt; }
.verdict-badge { display: inline-block; padding: 3pt 9pt; border-radius: 10pt; color: #fff; font-weight: 700; font-size: 10pt; }
.verdict-badge.good { background: #1a7f37; } .verdict-badge.fair { background: #9a6700; } .verdict-badge.poor { background: #cf222e; }
.verdict-badge.unknown { background: #57606a; }

table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #e8edf2; text-align: left; font-weight: 600; }
th, td { border: 1px solid #ccd3da; padding: 2.5pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
td.mono { white-space: nowrap; overflow-wrap: normal; }
td.status-fail, span.status-fail { color: #a40e26; font-weight: 600; }
td.status-warn, span.status-warn { color: #7d4e00; font-weight: 600; }
td.status-unknown, span.status-unknown { color: #57606a; }
td.status-pass, span.status-pass { color: #1a7f37; }
td.status-not_applicable, span.status-not_applicable { color: #8c959f; }
tr.failed-scope td { background: #fff1f1; }

.bar { position: relative; height: 7pt; background: #eef1f4; border-radius: 2pt; min-width: 40pt; }
.bar > span { position: absolute; left: 0; top: 0; bottom: 0; background: #1a7f37; border-radius: 2pt; }

.source { border-left: 3px solid #ccd3da; padding: 2pt 8pt; margin: 3pt 0 6pt; color: #3d4650; font-size: 8pt; break-inside: avoid; }
.source .ref { font-weight: 600; color: #0b4f8a; }
.rule-block { break-inside: avoid-page; margin-bottom: 8pt; }
p.counts span { margin-right: 10pt; }

figure.chart { margin: 4pt 0 12pt; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 9pt; margin-bottom: 2pt; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart svg .grid { stroke: #e3e8ed; stroke-width: 1; }
figure.chart svg .axis { stroke: #8c959f; stroke-width: 1; }
figure.chart svg .tick { font-size: 10px; fill: #57606a; font-family: ${fontStack(lang)}; }
ul.legend { list-style: none; margin: 2pt 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2pt 12pt; font-size: 7.5pt; }
.edition-notice { border-left: 3pt solid #9a6700; background: #fff8e5; padding: 4pt 8pt; margin: 6pt 0 10pt; }
ul.legend .cross { display: inline-block; margin-right: 4pt; font-weight: 700; }
ul.partial-points { list-style: none; margin: 2pt 0 0; padding: 0; font-size: 7.5pt; color: #57606a; }
ul.legend .swatch { display: inline-block; width: 10pt; height: 3pt; margin-right: 4pt; vertical-align: middle; }

table.appendix { font-size: 6.3pt; table-layout: fixed; }
table.appendix th, table.appendix td { padding: 1pt 2pt; line-height: 1.25; }
table.appendix td.mark, table.appendix th.mark { text-align: center; width: 3.375%; padding: 1pt 0; }
table.appendix td.patches { overflow-wrap: anywhere; }
/* Lists of ids (CVE, KB, package) that may wrap between and within ids, unlike td.mono. */
td.mono-list { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK JP', monospace; overflow-wrap: anywhere; }
table.appendix td.mark.status-fail { background: #ffe3e3; }
table.appendix td.mark.status-warn { background: #fff4d6; }
/* What the appendix holds, set off like a verdict so a filtered list is not taken for the fleet. */
.appendix-caption { border-left: 3pt solid #0b4f8a; background: #f3f5f7; padding: 4pt 8pt; margin: 0 0 6pt; break-inside: avoid; }
.legend-line { font-size: 7.5pt; margin: 0 0 4pt; }
.legend-line span { margin-right: 10pt; white-space: nowrap; display: inline-block; }
table.appendix tr.group th { background: #f3f5f7; font-size: 7pt; border-top: 1.5px solid #8c959f; }
/* Skipped by the on-screen layouts before and after printing (seconds for a large fleet); printing lays out everything. */
.appendix-group { content-visibility: auto; contain-intrinsic-size: auto 1000px; }

dl.method { display: grid; grid-template-columns: max-content 1fr; gap: 3pt 14pt; margin: 6pt 0; }
dl.method dt { color: #5b6570; }
dl.method dd { margin: 0; overflow-wrap: anywhere; }
`;
}
