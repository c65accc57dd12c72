import { NODE_H, NODE_W, type FlowLayout } from './flow-layout';

/**
 * The drawn form of the diagram's edges: an SVG path per edge and a spot for its label. Labels are
 * placed along their curve where they overlap no label placed before them, so approve/reject pairs
 * that fan out of several approvals into the same notify steps stay readable.
 */

export const TERMINAL_R = 11;
const LABEL_H = 15;
const labelWidth = (label: string) => label.length * 6.4 + 8;
/** Where along the curve to try a label, best first. */
const tries = [0.5, 0.72, 0.28, 0.6, 0.4, 0.82, 0.18];

export interface DrawnEdge {
  id: string;
  d: string;
  label: string;
  lx: number;
  ly: number;
  labelW: number;
  isReject: boolean;
}

type Point = { x: number; y: number };
const cubic = (p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point => {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
};

export function drawEdges(layout: FlowLayout): DrawnEdge[] {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const placed: { x: number; y: number; w: number }[] = [];
  const overlaps = (x: number, y: number, w: number) => placed.some((p) => Math.abs(p.x - x) < (p.w + w) / 2 + 2 && Math.abs(p.y - y) < LABEL_H + 1);
  return layout.edges.flatMap((edge): DrawnEdge[] => {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!a || !b) return [];
    let points: [Point, Point, Point, Point];
    if (!edge.isBack) {
      const bTop = b.type === 'terminal' ? b.y + NODE_H / 2 - TERMINAL_R : b.y;
      const from = { x: a.x + NODE_W / 2, y: a.y + NODE_H };
      const to = { x: b.x + NODE_W / 2, y: bTop - 2 };
      const my = (from.y + to.y) / 2;
      points = [from, { x: from.x, y: my }, { x: to.x, y: my }, to];
    } else {
      // Loops back or sideways: out of the right side, around, into the target's right side.
      const from = { x: a.x + NODE_W, y: a.y + NODE_H / 2 };
      const to = { x: b.x + NODE_W + 2, y: b.y + NODE_H / 2 };
      const lane = Math.max(from.x, to.x) + 40;
      points = [from, { x: lane, y: from.y }, { x: lane, y: to.y }, to];
    }
    const [p0, p1, p2, p3] = points;
    const w = labelWidth(edge.label);
    let spot = cubic(p0, p1, p2, p3, 0.5);
    if (edge.label) {
      spot = tries.map((t) => cubic(p0, p1, p2, p3, t)).find((p) => !overlaps(p.x, p.y, w)) ?? spot;
      placed.push({ x: spot.x, y: spot.y, w });
    }
    return [{
      id: edge.id,
      d: `M${p0.x},${p0.y} C${p1.x},${p1.y} ${p2.x},${p2.y} ${p3.x},${p3.y}`,
      label: edge.label,
      lx: spot.x,
      ly: spot.y,
      labelW: w,
      isReject: edge.label.split(', ').includes('reject'),
    }];
  });
}
