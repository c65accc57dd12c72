import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import PublishIcon from '@mui/icons-material/Publish';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert, Box, Button, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Divider, LinearProgress, Paper, Stack, Tab, Tabs, Typography,
} from '@mui/material';
import { useState } from 'react';
import { errorText } from '../errors/error-text';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import { DefinitionFields } from './DefinitionFields';
import { WorkingCalendarSettings } from './WorkingCalendarSettings';
import { DefinitionJsonView } from './DefinitionJsonView';
import { FlowDiagram } from './FlowDiagram';
import { ProblemList } from './ProblemList';
import { StepList } from './StepList';
import { useDefinitionDraft } from './use-definition-draft';
import { useLeaveGuard } from './use-leave-guard';
import { useWorkflowNav } from './use-workflow-nav';
import { definitionStatusLabel } from './workflow-labels';

/** Edits one workflow's draft: a form and its JSON side by side with a live diagram and the validator's problems. */
export function DefinitionEditor({ code }: { code: string }) {
  const draft = useDefinitionDraft(code);
  const guard = useLeaveGuard(draft.isDirty);
  const nav = useWorkflowNav();
  const [view, setView] = useState<'form' | 'json'>('form');
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { definition, loaded } = draft;
  const isReadOnly = !draft.canManage;
  const problems = draft.problems ?? [];
  const problemSteps = [...new Set(problems.flatMap((p) => (p.stepId ? [p.stepId] : [])))];

  if (draft.versions.error) return <Alert severity="error">{errorText(draft.versions.error)}</Alert>;
  if (!definition || !loaded) return <LinearProgress aria-label="Loading the definition" />;

  const selectStep = (stepId: string | null) => {
    setSelected(stepId);
    if (stepId) setView('form');
  };
  const save = async () => {
    setNotice(null);
    if (await draft.save()) setNotice('Draft saved.');
  };
  const publish = async () => {
    setNotice(null);
    if (await draft.saveAndPublish()) setNotice('Published. New instances start from this version; running ones keep theirs.');
  };
  const publishProblems = draft.publishError?.code === 'invalid_definition' && Array.isArray(draft.publishError.details) ? draft.publishError.details.length : 0;

  return (
    <Stack spacing={2} component="form" aria-label={`Edit ${definition.name}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={() => nav.openTab('definitions')}>Definitions</Button>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h5" component="h2" noWrap>{definition.name || code}</Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
            <Chip size="small" label={code} sx={{ fontFamily: 'monospace' }} />
            <Chip size="small" label={`v${loaded.version} · ${definitionStatusLabel[loaded.status]}`} color={loaded.status === 'published' ? 'success' : 'default'} data-testid="editor-version" />
            {draft.isDirty && <Chip size="small" color="warning" label="Unsaved changes" />}
          </Stack>
        </Box>
        {!isReadOnly && (
          <>
            <Button type="submit" variant="outlined" sx={{ whiteSpace: 'nowrap' }} startIcon={draft.isSaving ? <CircularProgress size={16} /> : <SaveIcon />} disabled={draft.isSaving || !draft.isDirty}>Save draft</Button>
            <Button variant="contained" startIcon={<PublishIcon />} disabled={draft.isSaving || (loaded.status === 'published' && !draft.isDirty)} onClick={() => void publish()}>Publish</Button>
          </>
        )}
      </Stack>
      {isReadOnly && <Alert severity="info">Only administrators can change workflow definitions. This is the {definitionStatusLabel[loaded.status].toLowerCase()} version {loaded.version}.</Alert>}
      {!isReadOnly && loaded.status !== 'draft' && !draft.isDirty && (
        <Alert severity="info">This is the {definitionStatusLabel[loaded.status].toLowerCase()} version {loaded.version}. Saving a change makes version {loaded.version + 1} as a draft; running instances keep theirs.</Alert>
      )}
      <RecordConflictNotice collection="workflow_definitions" recordId={loaded.id} />
      {draft.saveError && <Alert severity="error">{errorText(draft.saveError)}</Alert>}
      {draft.publishError && (
        <Alert severity="error" data-testid="publish-error">
          {errorText(draft.publishError)}{publishProblems > 1 ? ` — ${publishProblems} problems, listed beside the diagram.` : ''}
        </Alert>
      )}
      {notice && <Alert severity="success" onClose={() => setNotice(null)}>{notice}</Alert>}

      <Paper variant="outlined" sx={{ p: 2 }}>
        <DefinitionFields definition={definition} problems={problems} isReadOnly={isReadOnly} onEdit={draft.edit} />
        <Divider sx={{ my: 1.5 }} />
        <WorkingCalendarSettings definition={definition} problems={problems} isReadOnly={isReadOnly} onEdit={draft.edit} />
      </Paper>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, gap: 2, alignItems: 'start' }}>
        <Box sx={{ minWidth: 0 }}>
          <Tabs value={view} onChange={(_e, v: 'form' | 'json') => setView(v)} aria-label="Editor view" sx={{ mb: 1 }}>
            <Tab value="form" label={`Steps (${definition.steps.length})`} />
            <Tab value="json" label="JSON" />
          </Tabs>
          {view === 'form' ? (
            <StepList definition={definition} problems={problems} selectedStepId={selected} onSelect={setSelected} isReadOnly={isReadOnly} onEdit={draft.edit} />
          ) : (
            <DefinitionJsonView text={draft.text} jsonError={draft.jsonError} isReadOnly={isReadOnly} onChange={draft.editText} />
          )}
        </Box>
        <Stack spacing={2} sx={{ position: { lg: 'sticky' }, top: { lg: 64 }, minWidth: 0 }}>
          <Paper variant="outlined" sx={{ p: 1.5 }}>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>Flow</Typography>
            <FlowDiagram definition={definition} problemStepIds={problemSteps} selectedStepId={selected} onSelectStep={selectStep} />
          </Paper>
          <Paper variant="outlined" sx={{ p: 1.5 }} aria-live="polite">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: problems.length ? 1 : 0 }}>
              <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>Validation</Typography>
              {draft.isValidating && <CircularProgress size={14} aria-label="Checking" />}
            </Stack>
            {draft.validateError && <Alert severity="warning">Could not check the definition: {draft.validateError}</Alert>}
            {!draft.validateError && draft.problems !== null && problems.length === 0 && (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'success.main' }} data-testid="no-problems">
                <CheckCircleIcon fontSize="small" /><Typography variant="body2">No problems: ready to publish.</Typography>
              </Stack>
            )}
            {problems.length > 0 && <Typography variant="body2" color="error" data-testid="problem-count">{problems.length === 1 ? '1 problem' : `${problems.length} problems`}</Typography>}
            <ProblemList problems={problems} onSelectStep={selectStep} />
          </Paper>
        </Stack>
      </Box>

      <Dialog open={guard.isAsking} onClose={guard.stay}>
        <DialogTitle>Leave without saving?</DialogTitle>
        <DialogContent><DialogContentText>The changes to {definition.name} since the last save will be lost.</DialogContentText></DialogContent>
        <DialogActions>
          <Button onClick={guard.stay} autoFocus>Stay</Button>
          <Button color="error" onClick={() => { draft.discard(); guard.leave(); }}>Discard changes</Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
