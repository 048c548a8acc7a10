import type { Session } from 'electron';

/**
 * The auditor needs no camera, microphone, notifications, geolocation, clipboard-read or any
 * other permission: deny every request and every check (Electron security checklist item 5).
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
