import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root,
  // Relative asset URLs so the same build loads from app://counter/ in Electron and from the browser host.
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(root, '../dist/renderer'),
    emptyOutDir: true,
    // Inline nothing: the CSP forbids data: scripts and inline styles.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
