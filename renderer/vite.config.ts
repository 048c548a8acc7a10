import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Relative asset paths serve both the app:// protocol and the loopback web host.
export default defineConfig({
  root: here,
  base: './',
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // Everything is local: no modulepreload polyfill (an inline script the CSP would refuse).
    modulePreload: { polyfill: false },
    target: 'chrome120',
    sourcemap: false,
  },
});
