import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './externalUrl';

describe('safeExternalUrl', () => {
  it.each([
    [
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-prerequisites.html',
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-prerequisites.html',
    ],
    ['HTTPS://DOCS.aws.amazon.com/ja_jp/a b', 'https://docs.aws.amazon.com/ja_jp/a%20b'],
    [
      'https://docs.amazonaws.cn/systems-manager/latest/userguide/x.html',
      'https://docs.amazonaws.cn/systems-manager/latest/userguide/x.html',
    ],
  ])('accepts %s', (raw, normalized) => expect(safeExternalUrl(raw)).toBe(normalized));

  it.each([
    'http://example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://host/share',
    'https://user:pass@docs.aws.amazon.com',
    // Only AWS's documentation: not another site, nor one that only looks like it.
    'https://example.com/',
    'https://docs.aws.amazon.com.example.com/',
    'https://docs-aws-amazon.com/',
    'ms-msdt:/id',
    'not a url',
    '',
  ])('refuses %s', (raw) => expect(safeExternalUrl(raw)).toBeNull());
});
