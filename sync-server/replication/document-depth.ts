/**
 * How deeply pushed documents may nest. LabFlow's own documents nest a handful of levels (a
 * workflow instance's state is the deepest, about ten); the limit leaves room and keeps the
 * recursive walks of validation, merging and redaction far from the stack's end.
 */
export const MAX_DOCUMENT_DEPTH = 64;

/** The nesting depth of a JSON value, measured without recursion (a hostile value may be deeper than the stack). */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_DOCUMENT_DEPTH) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}
