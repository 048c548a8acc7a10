import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './windowOptions';

describe('mainWindowOptions', () => {
  const prefs = mainWindowOptions('/app/preload.cjs', { devTools: false }).webPreferences!;

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('enables no Blink feature and lets no option turn a protection back off (checklist items 9, 10)', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
    expect(prefs.safeDialogs).not.toBe(false);
  });

  it('opens DevTools only in an unpackaged build', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions('/app/preload.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('uses the given preload and fits a 1280×800 screen', () => {
    const options = mainWindowOptions('/app/preload.cjs', { devTools: false });
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(options.width).toBeLessThanOrEqual(1280);
    expect(options.height).toBeLessThanOrEqual(800);
    expect(options.show).toBe(false);
  });
});
