import { Box, ButtonBase, Typography } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import type { RiskHeatmap as Heatmap, RiskLevel, RiskRating } from '../../src-shared/projects/risk-matrix';

export const ratingLabel: Record<RiskRating, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const levelColor: Record<RiskLevel, string> = { low: '#4caf50', medium: '#ffb300', high: '#fb8c00', critical: '#e53935' };

export interface HeatmapCellRef {
  probability: RiskRating;
  impact: RiskRating;
}

interface Props {
  heatmap: Heatmap;
  selected?: HeatmapCellRef | null;
  /** Clicking a cell selects it (clicking it again clears the selection). Without this the map is read-only. */
  onSelect?: (cell: HeatmapCellRef | null) => void;
  size?: 'small' | 'medium';
}

/** The spec's 4×4 risk matrix: probability down the side (critical on top), impact along the bottom, open risks counted per cell. */
export function RiskHeatmap({ heatmap, selected = null, onSelect, size = 'medium' }: Props) {
  const theme = useTheme();
  const cell = size === 'small' ? 44 : 64;
  const rows = [0, 1, 2, 3].map((r) => heatmap.cells.slice(r * 4, r * 4 + 4));
  return (
    <Box role="grid" aria-label="Risk heatmap" sx={{ display: 'inline-grid', gridTemplateColumns: `auto repeat(4, ${cell}px)`, gap: 0.5, alignItems: 'center' }}>
      {rows.map((cells) => (
        <Box key={cells[0]?.probability} role="row" sx={{ display: 'contents' }}>
          <Typography variant="caption" color="text.secondary" sx={{ pr: 1, textAlign: 'right' }}>{ratingLabel[cells[0]!.probability]}</Typography>
          {cells.map((c) => {
            const isSelected = selected?.probability === c.probability && selected.impact === c.impact;
            return (
              <ButtonBase key={c.impact} role="gridcell" disabled={!onSelect}
                aria-label={`Probability ${c.probability}, impact ${c.impact}: ${c.count} risk${c.count === 1 ? '' : 's'} (${c.level})`}
                aria-selected={isSelected} data-testid={`heatmap-${c.probability}-${c.impact}`}
                onClick={() => onSelect?.(isSelected ? null : { probability: c.probability, impact: c.impact })}
                sx={{
                  height: cell, borderRadius: 1, bgcolor: alpha(levelColor[c.level], c.count > 0 ? 0.85 : 0.22),
                  color: c.count > 0 ? '#fff' : theme.palette.text.secondary, fontWeight: 700, fontSize: size === 'small' ? 14 : 18,
                  outline: isSelected ? `3px solid ${theme.palette.text.primary}` : 'none', outlineOffset: 1,
                }}>
                {c.count > 0 ? c.count : ''}
              </ButtonBase>
            );
          })}
        </Box>
      ))}
      <Box />
      {(['low', 'medium', 'high', 'critical'] as const).map((i) => <Typography key={i} variant="caption" color="text.secondary" sx={{ textAlign: 'center' }}>{ratingLabel[i]}</Typography>)}
      <Typography variant="caption" color="text.secondary" sx={{ gridColumn: '1 / span 5', textAlign: 'center' }}>Probability ↑ · Impact →</Typography>
    </Box>
  );
}
