import { contextBridge, ipcRenderer } from 'electron';
import type { PreloadBridge } from '../../src-shared/bridge/preload-bridge';
import { createRendererBridge } from './renderer-bridge';

// Sandboxed preload: bundled into one CommonJS file by electron-vite, since a sandboxed preload can
// require nothing but a few Electron modules. Exposes exactly the PreloadBridge contract.
const bridge = createRendererBridge(ipcRenderer) satisfies PreloadBridge;

contextBridge.exposeInMainWorld('labflow', bridge);
