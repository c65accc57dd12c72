import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the benchmark's reference page (bare libraries, no database) into the folder given by BENCH_REFERENCE_OUT. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'reference'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: process.env.BENCH_REFERENCE_OUT ?? resolve(import.meta.dirname, '../../out/bench-reference'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
