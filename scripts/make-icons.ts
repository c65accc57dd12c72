/**
 * Makes every icon the desktop packages use from build-resources/icon.svg:
 *   npm run make-icons
 * Run it after changing the SVG and commit the results (the packages are built from the committed
 * files; tests/unit/packaging/icons.test.ts checks them). The SVG is rendered by Chromium through
 * playwright-core (already used by the tests), so no SVG renderer is added to the dependencies;
 * the ICO and ICNS containers are written by ./icons/icon-containers.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ICNS_TYPES, ICO_SIZES, ICON_FILES, LINUX_PNG_SIZES, linuxPngName } from './icons/icon-sizes';
import { encodeIcns, encodeIco } from './icons/icon-containers';

const root = join(import.meta.dirname, '..');
const svgDataUrl = `data:image/svg+xml;base64,${readFileSync(join(root, ICON_FILES.source)).toString('base64')}`;

const browser = await chromium.launch({ executablePath: process.env.LABFLOW_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'], headless: true });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const rendered = new Map<number, Buffer>();
  const pngOfSize = async (size: number): Promise<Buffer> => {
    const known = rendered.get(size);
    if (known) return known;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${svgDataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    // Transparent around the rounded square, so every platform draws its own background.
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    rendered.set(size, png);
    return png;
  };

  const allSizes = [...new Set([...LINUX_PNG_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map((t) => t.size)])];
  for (const size of allSizes) await pngOfSize(size);

  mkdirSync(join(root, ICON_FILES.linuxFolder), { recursive: true });
  for (const size of LINUX_PNG_SIZES) writeFileSync(join(root, ICON_FILES.linuxFolder, linuxPngName(size)), await pngOfSize(size));
  writeFileSync(join(root, ICON_FILES.ico), encodeIco(await Promise.all(ICO_SIZES.map(async (size) => ({ size, png: await pngOfSize(size) })))));
  writeFileSync(join(root, ICON_FILES.icns), encodeIcns(await Promise.all(ICNS_TYPES.map(async ({ type, size }) => ({ type, png: await pngOfSize(size) })))));
  console.log(`icons written: ${LINUX_PNG_SIZES.length} PNGs, ${ICON_FILES.ico} (${ICO_SIZES.length} images), ${ICON_FILES.icns} (${ICNS_TYPES.length} images)`);
} finally {
  await browser.close();
}
