import { memo } from 'react';
import type { LinkPath } from './gantt-links';

interface Props {
  links: readonly LinkPath[];
  top: number;
  width: number;
  height: number;
  colour: string;
}

/**
 * Dependency arrows with an end outside the rows gantt-task-react was given, drawn in the same
 * shape beneath its bars (its grid rows are transparent), positioned at the first given row.
 */
export const GanttLinkOverlay = memo(function GanttLinkOverlay({ links, top, width, height, colour }: Props) {
  if (links.length === 0) return null;
  return (
    <svg width={width} height={height} style={{ position: 'absolute', top, left: 0, pointerEvents: 'none' }} fill={colour} stroke={colour} data-testid="gantt-crossing-links">
      {links.map((link) => (
        <g key={link.key} className="arrow">
          <path d={link.path} strokeWidth={1.5} fill="none" />
          <polygon points={link.triangle} />
        </g>
      ))}
    </svg>
  );
});
