import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/** The renderer build, shared by serve mode (`npm run build`) and electron-vite. */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
};

export default defineConfig(rendererConfig);
