import { expect, type Locator, type Page } from '@playwright/test';

/** The card being dragged, while one is (boards mark it `data-dragging="true"`). */
export const lifted = (page: Page) => page.locator('[data-dragging="true"]');

/**
 * Drags with the mouse in small steps, as a person would, and lets go only once the board shows
 * the card lifted and the target column taking it (`data-dragging-over="true"`): waiting on what
 * the board shows, not on time, so a slow machine cannot make the drop land before the drag has
 * begun. `offsetY` is how far below the column's top the card is let go.
 *
 * It starts with `hover()`, which waits until the card itself is what the pointer would hit: right
 * after a menu closes (choosing the project, say), its fading backdrop still covers the page and
 * would take a raw mouse press, so the drag never began (a flaky CI run).
 */
export async function mouseDrag(page: Page, from: Locator, to: Locator, offsetY = 40) {
  await from.hover();
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 3 });
  await expect(lifted(page)).toHaveCount(1);
  await page.mouse.move(b.x + b.width / 2, b.y + offsetY, { steps: 15 });
  await expect(to.locator('[data-dragging-over="true"]')).toHaveCount(1);
  await page.mouse.up();
  await expect(lifted(page)).toHaveCount(0);
}

/**
 * Moves a card with the keyboard, as the drag library offers it: lifts it with Space, presses
 * ArrowRight (or `key`) until `to` (a column) takes it, and drops it there — each step waiting on
 * what the board shows, not on time.
 */
export async function keyboardDrag(page: Page, card: Locator, to: Locator, maxSteps = 6, key: 'ArrowRight' | 'ArrowLeft' = 'ArrowRight') {
  await card.focus();
  await page.keyboard.press('Space');
  await expect(lifted(page)).toHaveCount(1);
  for (let step = 0; step < maxSteps; step++) {
    if ((await to.locator('[data-dragging-over="true"]').count()) === 1) break;
    await page.keyboard.press(key);
    await expect(page.locator('[data-dragging-over="true"]')).toHaveCount(1);
  }
  await expect(to.locator('[data-dragging-over="true"]')).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(lifted(page)).toHaveCount(0);
}
