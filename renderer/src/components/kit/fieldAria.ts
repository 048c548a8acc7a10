/** What a field's control says about itself to assistive technology (`aria-invalid`, `aria-describedby`). */
export type FieldAria = { 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined };

/** The id of a field's error (`err-<id>`) and of its hint (`<id>-hint`): tests and pages find them by these. */
export const fieldErrorId = (id: string): string => `err-${id}`;
export const fieldHintId = (id: string): string => `${id}-hint`;

/** The hint always describes the control; the error only while there is one. */
export function fieldAria(id: string, hasHint: boolean, error: string | null | undefined): FieldAria {
  const describedBy = [hasHint ? fieldHintId(id) : '', error ? fieldErrorId(id) : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy || undefined };
}
