/**
 * Performance marks for "the view is on screen": once `isReady` holds in an animation frame, the
 * mark is set just after that frame is painted (a message posted from the frame callback runs after
 * rendering). The benchmark (bench/ui.bench.ts) reads these marks; they cost one check per frame
 * until the view is ready and nothing after.
 */
export function markWhenPainted(name: string, isReady: () => boolean, maxFrames = 600): () => void {
  let frames = 0;
  let handle = 0;
  const check = () => {
    if (isReady() || ++frames > maxFrames) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.clearMarks(name);
        performance.mark(name);
        channel.port1.close();
      };
      channel.port2.postMessage(null);
      return;
    }
    handle = requestAnimationFrame(check);
  };
  handle = requestAnimationFrame(check);
  return () => cancelAnimationFrame(handle);
}
