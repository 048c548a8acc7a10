/** The tests drive the same Debian Chromium launch as the product's headless PDF printer. */
export { CHROMIUM_PATH, launchChromium } from '../../electron/core/report/launchChromium';
