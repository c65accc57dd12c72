import type { Page } from 'playwright-core';
import { recordFrames } from './page-probes';

/**
 * Drags the first card matching `cardSelector` to the element `targetSelector` with the mouse, across
 * and then up and down through the target's cards so they make room, recording the frame-to-frame
 * times from press to drop (plus 400 ms for the drop to settle). Shared by the Kanban (bench:ui) and
 * the CRM pipeline (bench:crm), so both boards are dragged the same way.
 */
export async function dragFrames(page: Page, cardSelector: string, targetSelector: string): Promise<number[]> {
  const card = page.locator(cardSelector).first();
  const from = await card.boundingBox();
  const target = await page.locator(targetSelector).boundingBox();
  if (!from || !target) throw new Error('no card to drag');
  const recorder = await recordFrames(page);
  const x0 = from.x + from.width / 2;
  const y0 = from.y + from.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 8, y0 + 8, { steps: 2 });
  const x1 = target.x + target.width / 2;
  const steps = 90;
  for (let i = 1; i <= steps; i++) {
    const f = i / steps;
    await page.mouse.move(x0 + (x1 - x0) * Math.min(1, f * 2), y0 + Math.sin(f * Math.PI * 2) * 220 + 120 * f);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(400);
  return recorder.stop();
}
