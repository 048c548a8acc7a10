import { visibleText } from '../../../shared/userText';

/**
 * HTML escaping for the report: every value from a snapshot (node names, tags, errors) goes
 * through it, and so each bidi control, zero-width or other invisible character in a client's
 * text is shown as ⟨U+XXXX⟩ (visibleText) rather than reordering or hiding what the reader sees.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return visibleText(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A tagged template whose interpolations are escaped unless wrapped in `raw()`. */
export class RawHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export const raw = (html: string): RawHtml => new RawHtml(html);

type Part = string | number | null | undefined | RawHtml | readonly Part[];

function render(part: Part): string {
  if (part instanceof RawHtml) return part.html;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(part as string | number | null | undefined);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): RawHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new RawHtml(out);
}
