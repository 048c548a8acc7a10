/**
 * Opaque pagination tokens: base64url of a cursor plus an HMAC over it, so a client cannot
 * forge or edit one (AWS answers InvalidNextToken to a token it did not issue). The cursor is
 * bound to the operation and scope so a token from one call is refused by another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Cursor {
  /** `Service.Action/account/region` the token belongs to. */
  scope: string;
  offset: number;
}

export class NextTokenCodec {
  constructor(private readonly key: Buffer) {}

  encode(cursor: Cursor): string {
    const body = Buffer.from(JSON.stringify([cursor.scope, cursor.offset]), 'utf8');
    return `${body.toString('base64url')}.${this.mac(body).toString('base64url')}`;
  }

  /** The offset, or undefined when the token is malformed, tampered with or from another scope. */
  decode(token: string, scope: string): number | undefined {
    const [bodyText, macText, ...rest] = token.split('.');
    if (!bodyText || !macText || rest.length) return undefined;
    const body = Buffer.from(bodyText, 'base64url');
    const mac = Buffer.from(macText, 'base64url');
    const expected = this.mac(body);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (!Array.isArray(parsed) || parsed[0] !== scope || typeof parsed[1] !== 'number' || !Number.isInteger(parsed[1]) || parsed[1] < 0)
        return undefined;
      return parsed[1];
    } catch {
      return undefined;
    }
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
