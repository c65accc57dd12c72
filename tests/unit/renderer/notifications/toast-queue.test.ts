import { describe, expect, it } from 'vitest';
import { dismissToast, receiveToast, visibleToast, type ToastQueue } from '../../../../src-renderer/notifications/toast-queue';

const notice = (id: string) => ({ id, title: `Notice ${id}`, body: '' });
const receiveAll = (ids: string[], limit?: number): ToastQueue => ids.reduce<ToastQueue>((q, id) => receiveToast(q, notice(id), limit), []);

describe('the toast corner shows one notice at a time', () => {
  it('shows nothing while nothing waits', () => {
    expect(visibleToast([])).toBeNull();
  });

  it('shows the newest notice and counts the others', () => {
    expect(visibleToast(receiveAll(['a', 'b', 'c']))).toEqual({ toast: notice('c'), moreCount: 2 });
  });

  it('closing the shown notice reveals the one before it', () => {
    const queue = dismissToast(receiveAll(['a', 'b', 'c']), 'c');
    expect(visibleToast(queue)).toEqual({ toast: notice('b'), moreCount: 1 });
  });

  it('closing a notice that is not waiting changes nothing', () => {
    const queue = receiveAll(['a', 'b']);
    expect(dismissToast(queue, 'zzz')).toEqual(queue);
  });

  it('a repeated push replaces its notice and moves it to the front instead of counting twice', () => {
    const queue = receiveToast(receiveAll(['a', 'b']), { id: 'a', title: 'Again', body: '' });
    expect(visibleToast(queue)).toEqual({ toast: { id: 'a', title: 'Again', body: '' }, moreCount: 1 });
  });

  it('keeps at most `limit` notices, dropping the oldest (they stay in the notification centre)', () => {
    const queue = receiveAll(['a', 'b', 'c', 'd'], 3);
    expect(queue.map((t) => t.id)).toEqual(['b', 'c', 'd']);
    expect(visibleToast(queue)?.moreCount).toBe(2);
  });
});
