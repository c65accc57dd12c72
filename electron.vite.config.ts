import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const root = import.meta.dirname;

/**
 * The desktop build (`npm run build:electron`): main → out/main/index.js (package.json "main"),
 * preload → out/preload/index.cjs, renderer → out/renderer (the same build serve mode uses).
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies stay in node_modules (electron-builder packs them); the native ones must, as
      // they are rebuilt for Electron's ABI and unpacked from the asar archive.
      externalizeDeps: { include: ['better-sqlite3', '@node-rs/argon2'] },
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/electron/main.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot require files or packages: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
