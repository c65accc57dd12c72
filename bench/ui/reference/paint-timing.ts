/** Resolves with performance.now() just after the first frame in which `isReady()` holds has been painted. */
export function whenPainted(isReady: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (!isReady()) return void requestAnimationFrame(check);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(check);
  });
}

/** Resolves when some text node or element under `root` shows `text`, then after that frame is painted. */
export function whenTextPainted(root: Node, text: string): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const node = record.target;
        const added = Array.from(record.addedNodes);
        if ((node.textContent ?? '').includes(text) || added.some((n) => (n.textContent ?? '').includes(text))) {
          observer.disconnect();
          void whenPainted(() => true).then(resolve);
          return;
        }
      }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  });
}
