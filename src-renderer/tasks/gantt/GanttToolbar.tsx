import DownloadIcon from '@mui/icons-material/Download';
import SchemaIcon from '@mui/icons-material/Schema';
import TodayIcon from '@mui/icons-material/Today';
import { Box, Button, FormControlLabel, Stack, Switch, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import { memo } from 'react';
import { zoomSettings, type Zoom } from './gantt-geometry';
import type { GanttPalette } from './gantt-theme';

interface Props {
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  isCriticalShown: boolean;
  onCriticalShown: (isShown: boolean) => void;
  onToday: () => void;
  onMermaid: () => void;
  onCsv: () => void;
  isExporting: boolean;
  palette: GanttPalette;
  summary: string;
}

const Swatch = ({ colour, label, isDiamond = false }: { colour: string; label: string; isDiamond?: boolean }) => (
  <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
    <Box sx={{ width: isDiamond ? 10 : 18, height: 10, borderRadius: isDiamond ? 0.25 : 0.75, bgcolor: colour, transform: isDiamond ? 'rotate(45deg)' : 'none' }} />
    <Typography variant="caption" color="text.secondary">{label}</Typography>
  </Stack>
);

/** Zoom, critical-path highlight, legend and exports above the chart (memoised: live pushes leave it alone). */
export const GanttToolbar = memo(function GanttToolbar(props: Props) {
  const { zoom, palette } = props;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <ToggleButtonGroup size="small" exclusive value={zoom} onChange={(_, value: Zoom | null) => value && props.onZoom(value)} aria-label="Zoom">
          {(Object.keys(zoomSettings) as Zoom[]).map((z) => <ToggleButton key={z} value={z} sx={{ px: 1.5 }}>{zoomSettings[z].label}</ToggleButton>)}
        </ToggleButtonGroup>
        <Tooltip title="Scroll to today" describeChild><Button size="small" startIcon={<TodayIcon />} onClick={props.onToday}>Today</Button></Tooltip>
        <FormControlLabel control={<Switch size="small" checked={props.isCriticalShown} onChange={(e) => props.onCriticalShown(e.target.checked)} />}
          label={<Typography variant="body2">Highlight critical path</Typography>} />
        <Box sx={{ flexGrow: 1 }} />
        <Tooltip title="The plan as Mermaid gantt text, to copy or save" describeChild>
          <Button size="small" variant="outlined" startIcon={<SchemaIcon />} onClick={props.onMermaid} disabled={props.isExporting}>Export Mermaid</Button>
        </Tooltip>
        <Tooltip title="The plan as a CSV file for a spreadsheet" describeChild>
          <Button size="small" variant="outlined" startIcon={<DownloadIcon />} onClick={props.onCsv} disabled={props.isExporting}>Export CSV</Button>
        </Tooltip>
      </Stack>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} aria-label="Legend">
        <Swatch colour={palette.normal.progressColor} label="Task" />
        {props.isCriticalShown && <Swatch colour={palette.critical.progressColor} label="Critical" />}
        <Swatch colour={palette.done.progressColor} label="Done" />
        <Swatch colour={palette.summary.backgroundColor} label="Task with subtasks" />
        <Swatch colour={palette.milestone.backgroundColor} label="Milestone" isDiamond />
        <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1, textAlign: 'right' }} data-testid="gantt-summary">{props.summary}</Typography>
      </Stack>
    </Stack>
  );
});
