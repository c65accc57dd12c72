import { Box, useTheme } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useMemo } from 'react';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { drawEdges, TERMINAL_R } from './flow-edges';
import { layoutFlow, NODE_H, NODE_W, type LayoutNode } from './flow-layout';
import { stepTypeLabel } from './workflow-labels';

interface Props {
  definition: WorkflowDefinition;
  /** Steps an instance is waiting in (highlighted). */
  activeStepIds?: readonly string[];
  /** Steps an instance has already finished (marked done). */
  doneStepIds?: readonly string[];
  /** Steps with validation problems (outlined in red). */
  problemStepIds?: readonly string[];
  selectedStepId?: string | null;
  onSelectStep?: (stepId: string) => void;
  title?: string;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The definition's flow graph drawn as SVG: steps by distance from the start, arrows for every route. */
export function FlowDiagram({ definition, activeStepIds = [], doneStepIds = [], problemStepIds = [], selectedStepId = null, onSelectStep, title = 'Flow diagram' }: Props) {
  const theme = useTheme();
  const layout = useMemo(() => layoutFlow(definition), [definition]);
  const colors = {
    line: theme.palette.text.secondary,
    text: theme.palette.text.primary,
    muted: theme.palette.text.secondary,
    paper: theme.palette.background.paper,
    border: theme.palette.divider,
    primary: theme.palette.primary.main,
    approval: theme.palette.secondary.main,
    error: theme.palette.error.main,
    success: theme.palette.success.main,
  };
  const markerId = `arrow-${theme.palette.mode}`;
  const edges = useMemo(() => drawEdges(layout), [layout]);

  const nodeShape = (node: LayoutNode) => {
    const isActive = node.stepId !== null && activeStepIds.includes(node.stepId);
    const hasProblem = node.stepId !== null && problemStepIds.includes(node.stepId);
    const isSelected = node.stepId !== null && node.stepId === selectedStepId;
    const isDone = !isActive && node.stepId !== null && doneStepIds.includes(node.stepId);
    const stroke = hasProblem ? colors.error : isActive ? colors.primary : isDone ? colors.success : node.type === 'approval' ? colors.approval : colors.line;
    const strokeWidth = isActive || hasProblem || isSelected ? 2.5 : 1.2;
    const fill = isActive ? alpha(colors.primary, 0.16) : node.type === 'approval' ? alpha(colors.approval, 0.08) : node.type === 'end' ? alpha(colors.line, 0.12) : colors.paper;
    const dash = node.isReachable ? undefined : '5 4';
    const { x, y } = node;
    const w = NODE_W;
    const h = NODE_H;
    if (node.type === 'terminal') {
      const cx = x + w / 2;
      const cy = y + h / 2;
      const color = node.name === 'Rejected' ? colors.error : colors.text;
      return (
        <g key={node.id}>
          <circle cx={cx} cy={cy} r={TERMINAL_R} fill={color} stroke={color} strokeWidth={3} fillOpacity={0.85} />
          <text x={cx + TERMINAL_R + 6} y={cy + 4} fontSize={11} fill={colors.muted}>{node.name}</text>
        </g>
      );
    }
    const inset = 12;
    const outline =
      node.type === 'parallel' || node.type === 'join' || node.type === 'decision'
        ? <path d={`M${x + inset},${y} H${x + w - inset} L${x + w},${y + h / 2} L${x + w - inset},${y + h} H${x + inset} L${x},${y + h / 2} Z`} />
        : <rect x={x} y={y} width={w} height={h} rx={node.type === 'timer' || node.type === 'end' ? h / 2 : 8} />;
    const symbol = node.type === 'parallel' || node.type === 'join' ? '⊕ ' : node.type === 'decision' ? '◇ ' : node.type === 'timer' ? '⏱ ' : node.type === 'approval' ? '✓ ' : '';
    const select = () => node.stepId && onSelectStep?.(node.stepId);
    return (
      <g key={node.id} role={onSelectStep ? 'button' : 'img'} tabIndex={onSelectStep ? 0 : undefined} aria-label={`${stepTypeLabel[node.type]} step ${node.name}${isActive ? ', active' : ''}${isDone ? ', done' : ''}${hasProblem ? ', has problems' : ''}`}
        data-testid="diagram-node" data-step-id={node.stepId ?? ''} data-active={isActive ? 'true' : undefined} data-problem={hasProblem ? 'true' : undefined}
        onClick={select} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); } }}
        style={{ cursor: onSelectStep ? 'pointer' : 'default', outline: 'none' }}>
        <title>{`${node.name} (${node.stepId})`}</title>
        <g fill={fill} stroke={stroke} strokeWidth={strokeWidth} strokeDasharray={dash}>{outline}</g>
        {isSelected && <rect x={x - 4} y={y - 4} width={w + 8} height={h + 8} rx={10} fill="none" stroke={colors.primary} strokeDasharray="3 3" />}
        <text x={x + w / 2} y={y + 17} textAnchor="middle" fontSize={10} fill={node.type === 'approval' ? colors.approval : colors.muted} style={{ textTransform: 'uppercase', letterSpacing: 0.6 }}>
          {symbol}{stepTypeLabel[node.type]}
        </text>
        <text x={x + w / 2} y={y + 34} textAnchor="middle" fontSize={12.5} fontWeight={600} fill={colors.text}>{clip(node.name, node.type === 'parallel' || node.type === 'join' || node.type === 'decision' ? 18 : 21)}</text>
        {isActive && <circle cx={x + w - 8} cy={y + 8} r={4.5} fill={colors.primary} />}
        {isDone && <text x={x + w - 14} y={y + 15} fontSize={12} fontWeight={700} fill={colors.success}>✓</text>}
        {hasProblem && <text x={x + 6} y={y + 14} fontSize={13} fontWeight={700} fill={colors.error}>!</text>}
      </g>
    );
  };

  return (
    <Box sx={{ overflow: 'auto', maxHeight: 640 }}>
      <svg role="group" aria-label={title} viewBox={`0 0 ${layout.width} ${layout.height}`} width="100%"
        style={{ maxWidth: layout.width, minWidth: layout.width * 0.8, display: 'block', margin: '0 auto', fontFamily: theme.typography.fontFamily }}>
        <defs>
          <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={colors.line} />
          </marker>
        </defs>
        {edges.map((edge) => (
          <g key={edge.id} data-testid="diagram-edge">
            <path d={edge.d} fill="none" stroke={edge.isReject ? colors.error : colors.line} strokeOpacity={0.8} strokeWidth={1.3} markerEnd={`url(#${markerId})`} />
            {edge.label && (
              <g>
                <rect x={edge.lx - edge.labelW / 2} y={edge.ly - 8} width={edge.labelW} height={15} rx={4} fill={colors.paper} stroke={colors.border} />
                <text x={edge.lx} y={edge.ly + 3} textAnchor="middle" fontSize={10.5} fill={edge.isReject ? colors.error : colors.muted}>{edge.label}</text>
              </g>
            )}
          </g>
        ))}
        {layout.nodes.map(nodeShape)}
      </svg>
    </Box>
  );
}
