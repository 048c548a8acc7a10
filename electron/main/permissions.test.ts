import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from './permissions';

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    };
    denyAllPermissions(session as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission, 'app://renderer', {})).toBe(false);
    }
  });
});
