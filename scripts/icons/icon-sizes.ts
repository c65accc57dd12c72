/**
 * Which icon files the desktop packages need, in one place for the generator
 * (scripts/make-icons.ts) and the test that checks the committed files
 * (tests/unit/packaging/icons.test.ts).
 */

/** build-resources/icons/<n>x<n>.png: electron-builder's Linux icon set (deb, AppImage, tray-sized too). */
export const LINUX_PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** build-resources/icon.ico: Windows shows 16–48 in Explorer and the taskbar, 256 in large views (NSIS needs 256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/**
 * build-resources/icon.icns: the PNG-bearing icon types macOS reads, with their pixel size
 * (the @2x types hold twice their nominal size).
 */
export const ICNS_TYPES = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 },
] as const;

export const ICON_FILES = {
  source: 'build-resources/icon.svg',
  linuxFolder: 'build-resources/icons',
  ico: 'build-resources/icon.ico',
  icns: 'build-resources/icon.icns',
} as const;

export const linuxPngName = (size: number): string => `${size}x${size}.png`;
