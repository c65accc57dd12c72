import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the meetings benchmark's reference page (bare FullCalendar) into BENCH_REFERENCE_OUT. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'reference'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: process.env.BENCH_REFERENCE_OUT ?? resolve(import.meta.dirname, '../../out/bench-meetings-reference'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
