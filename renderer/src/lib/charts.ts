/**
 * Chart.js with only the parts the trend charts use registered (the rest is tree-shaken away).
 * Colours are read from the theme's CSS variables when a chart is drawn, so light and dark both work.
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };

/** The value of a CSS variable on `element` (variables can be set per component and per theme). */
export function cssColor(element: Element, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || '#888';
}
