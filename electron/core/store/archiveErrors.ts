/** Why an export file was refused: messages meant for the user, never a stack trace. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Refused for what it inflates to; `inflatedBytes` says how far inflation went before it stopped. */
export class ContentTooLargeError extends ImportError {
  override name = 'ContentTooLargeError';
  constructor(
    message: string,
    readonly capBytes: number,
    readonly inflatedBytes: number,
  ) {
    super(message);
  }
}
