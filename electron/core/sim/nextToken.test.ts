import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NextTokenCodec } from './nextToken';

describe('NextTokenCodec', () => {
  const codec = new NextTokenCodec(randomBytes(32));

  it('round-trips a cursor within its scope', () => {
    const token = codec.encode({ scope: 'SSM.X/1/us-east-1', offset: 150 });
    expect(codec.decode(token, 'SSM.X/1/us-east-1')).toBe(150);
  });

  it('refuses a token from another scope, a tampered one and garbage', () => {
    const token = codec.encode({ scope: 'SSM.X/1/us-east-1', offset: 50 });
    expect(codec.decode(token, 'SSM.X/1/eu-west-1')).toBeUndefined();
    const [body = '', mac = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify(['SSM.X/1/us-east-1', 0])).toString('base64url');
    expect(codec.decode(`${forged}.${mac}`, 'SSM.X/1/us-east-1')).toBeUndefined();
    expect(codec.decode(`${body}.${mac.slice(1)}A`, 'SSM.X/1/us-east-1')).toBeUndefined();
    expect(codec.decode('not-a-token', 'SSM.X/1/us-east-1')).toBeUndefined();
  });

  it('refuses a token issued by another simulator instance', () => {
    const token = new NextTokenCodec(randomBytes(32)).encode({ scope: 's', offset: 1 });
    expect(codec.decode(token, 's')).toBeUndefined();
  });
});
