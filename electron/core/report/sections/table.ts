import { html, RawHtml } from '../html';

/** A header cell: its text (or markup) and the `class`/`style` the column's cells need. */
export interface Column {
  head: string | RawHtml;
  class?: string;
  style?: string;
}

function th(column: Column): RawHtml {
  const cls = column.class ? html` class="${column.class}"` : '';
  const style = column.style ? html` style="${column.style}"` : '';
  return html`<th${cls}${style}>${column.head}</th>`;
}

/** The header row alone, for a caller that repeats one head over many tables (the appendix). */
export function thead(columns: readonly Column[]): RawHtml {
  return html`<thead>
    <tr>
      ${columns.map(th)}
    </tr>
  </thead>`;
}

/** Every table of the report: a header row over `rows`, each already rendered as a `<tr>`. */
export function table(columns: readonly Column[] | RawHtml, rows: readonly RawHtml[], options: { class?: string } = {}): RawHtml {
  const head = columns instanceof RawHtml ? columns : thead(columns);
  return html`<table${options.class ? html` class="${options.class}"` : ''}>
    ${head}
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
