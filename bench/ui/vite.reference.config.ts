import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds a benchmark's reference page (bare libraries, no database) from BENCH_REFERENCE_ROOT (the UI
 * benchmark's by default) into the folder given by BENCH_REFERENCE_OUT.
 */
export default defineConfig({
  root: process.env.BENCH_REFERENCE_ROOT ?? resolve(import.meta.dirname, 'reference'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: process.env.BENCH_REFERENCE_OUT ?? resolve(import.meta.dirname, '../../out/bench-reference'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
