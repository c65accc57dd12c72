import ViewTimelineIcon from '@mui/icons-material/ViewTimeline';
import { Alert, LinearProgress, Snackbar, Stack } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExportView } from '../../../src-shared/projects/plan-views';
import { errorText } from '../../errors/error-text';
import { EmptySection } from '../../shell/EmptySection';
import { GanttChart, type GanttChartHandle } from './GanttChart';
import { GanttExportDialog } from './GanttExportDialog';
import { planDateToLocal, type Zoom } from './gantt-geometry';
import { createRowBuilder, MILESTONE_GROUP, planRange, visibleRows } from './gantt-rows';
import { ganttPalette } from './gantt-theme';
import { GanttToolbar } from './GanttToolbar';
import { markWhenPainted } from './paint-mark';
import { saveTextFile } from '../../files/save-text-file';
import { useProjectGantt } from './use-project-gantt';

const todayLocal = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * Snackbar close handler that ignores clicks elsewhere: the drag that caused the message ends with
 * a click, which would otherwise close it at once.
 */
const unlessClickAway = (close: () => void) => (_event: unknown, reason?: string) => {
  if (reason !== 'clickaway') close();
};

/** Day columns for plans up to six weeks, weeks up to about eighteen months, months beyond. */
function zoomFor(range: { start: string; end: string } | null): Zoom {
  if (!range) return 'week';
  const days = (planDateToLocal(range.end).getTime() - planDateToLocal(range.start).getTime()) / 86_400_000;
  return days <= 42 ? 'day' : days <= 550 ? 'week' : 'month';
}

/** More milestones than this start folded under their heading, so the first screen shows tasks. */
const MANY_MILESTONES = 8;

const count = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/**
 * A project's Gantt chart: tasks, milestones and dependency arrows, drag to move or resize (the host
 * pushes successors later), drag progress, day/week/month zoom, the critical path highlighted, and
 * Mermaid/CSV exports.
 */
export function ProjectGantt({ projectId, onOpenTask, height = 'calc(100vh - 220px)' }: { projectId: string; onOpenTask?: (id: string) => void; height?: string }) {
  const theme = useTheme();
  const gantt = useProjectGantt(projectId);
  const { view } = gantt;
  // Null until the person picks a zoom: by default the one that suits the plan's length.
  const [chosenZoom, setZoom] = useState<Zoom | null>(null);
  const [isCriticalShown, setCriticalShown] = useState(true);
  // Null until the person folds or unfolds a row: by default a long milestone list starts folded.
  const [folded, setFolded] = useState<ReadonlySet<string> | null>(null);
  const [exported, setExported] = useState<ExportView | null>(null);
  const [isExporting, setIsExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const chartRef = useRef<GanttChartHandle>(null);

  const canEdit = view?.canEdit ?? false;
  const palette = useMemo(() => ganttPalette(theme, isCriticalShown, canEdit), [theme, isCriticalShown, canEdit]);
  const buildRows = useMemo(() => createRowBuilder(), []);
  const allRows = useMemo(() => (view ? buildRows(view, palette) : []), [view, palette, buildRows]);
  const hasManyMilestones = (view?.milestones.length ?? 0) > MANY_MILESTONES;
  const collapsed = useMemo(() => folded ?? new Set<string>(hasManyMilestones ? [MILESTONE_GROUP] : []), [folded, hasManyMilestones]);
  const rows = useMemo(() => visibleRows(allRows, collapsed), [allRows, collapsed]);
  const rangeNow = view ? planRange(view) : null;
  const rangeStart = rangeNow?.start;
  const rangeEnd = rangeNow?.end;
  const range = useMemo(() => (rangeStart && rangeEnd ? { start: rangeStart, end: rangeEnd } : null), [rangeStart, rangeEnd]);
  const zoom = chosenZoom ?? zoomFor(range);

  const onToggle = useCallback((id: string) => {
    const next = new Set(collapsed);
    if (!next.delete(id)) next.add(id);
    setFolded(next);
  }, [collapsed]);

  // "Open" for the benchmark: the first data painted with its bars.
  const hasView = view !== undefined;
  useEffect(() => {
    if (!hasView) return;
    return markWhenPainted('labflow:gantt:painted', () => !range || document.querySelector('[data-testid="gantt-bars"] g.bar rect') !== null);
  }, [hasView]); // eslint-disable-line react-hooks/exhaustive-deps -- once per opened view

  const { exportPlan } = gantt;
  const runExport = useCallback(async (format: 'mermaid' | 'csv') => {
    setIsExporting(true);
    const result = await exportPlan(format);
    setIsExporting(false);
    if (!result.ok) return setExportError(errorText(result.error));
    if (format === 'mermaid') setExported(result.value);
    else saveTextFile(result.value.fileName, result.value.text, result.value.mimeType);
  }, [exportPlan]);
  const onMermaid = useCallback(() => void runExport('mermaid'), [runExport]);
  const onCsv = useCallback(() => void runExport('csv'), [runExport]);
  const onToday = useCallback(() => chartRef.current?.scrollToDate(todayLocal()), []);

  if (gantt.error) return <Alert severity="error">{errorText(gantt.error)}</Alert>;
  if (!view) return <LinearProgress aria-label="Loading the Gantt chart" />;

  const summary = [
    count(view.tasks.length, 'task'), count(view.milestones.length, 'milestone'), count(view.dependencies.length, 'link'),
    view.criticalTaskIds.length > 0 ? `${view.criticalTaskIds.length.toLocaleString()} on the critical path` : '',
    view.unscheduledTaskIds.length > 0 ? `${view.unscheduledTaskIds.length.toLocaleString()} without dates` : '',
  ].filter(Boolean).join(' · ');

  return (
    <Stack spacing={1.5} data-testid="project-gantt">
      <GanttToolbar zoom={zoom} onZoom={setZoom} isCriticalShown={isCriticalShown} onCriticalShown={setCriticalShown} palette={palette} summary={summary}
        onToday={onToday} onMermaid={onMermaid} onCsv={onCsv} isExporting={isExporting} />
      {view.problem && <Alert severity="warning">{view.problem} The chart shows the planned dates; the critical path is not computed.</Alert>}
      {!canEdit && <Alert severity="info" variant="outlined">You can view this plan; only the project's team can move its tasks.</Alert>}
      {range ? (
        <GanttChart ref={chartRef} rows={rows} links={view.dependencies} range={range} zoom={zoom} collapsed={collapsed} onToggle={onToggle}
          onReschedule={gantt.onReschedule} onProgress={gantt.onProgress} {...(onOpenTask ? { onOpen: onOpenTask } : {})} height={height} />
      ) : (
        <EmptySection icon={<ViewTimelineIcon />} title="Nothing to draw yet" text="Give tasks a start and a due date, or add a milestone, and they appear on the chart." />
      )}
      <GanttExportDialog exported={exported} onClose={() => setExported(null)} />
      <Snackbar open={gantt.refusal !== null} autoHideDuration={8000} onClose={unlessClickAway(gantt.clearRefusal)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="error" variant="filled" onClose={gantt.clearRefusal} data-testid="gantt-refusal">{errorText(gantt.refusal ?? undefined)}</Alert>
      </Snackbar>
      <Snackbar open={gantt.notice !== null} autoHideDuration={5000} onClose={unlessClickAway(gantt.clearNotice)} message={gantt.notice} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }} />
      <Snackbar open={exportError !== null} autoHideDuration={8000} onClose={unlessClickAway(() => setExportError(null))} message={exportError} />
    </Stack>
  );
}
