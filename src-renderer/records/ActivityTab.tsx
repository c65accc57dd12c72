import { Alert, Box, Divider, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { formatDateTime } from '../../src-shared/format/display-format';
import type { HistoryChange } from '../../src-shared/records/record-activity-contract';
import type { AnyRecordKind, KindField } from '../../src-shared/records/record-kind';
import { cellText, valueCell, type CellLookups } from '../../src-shared/records/register-cells';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { CommentComposer } from '../comments/CommentComposer';
import { CommentList } from '../comments/CommentList';
import { errorText } from '../errors/error-text';
import type { RecordTabProps } from './record-tabs';
import { usePeople } from './use-people';

/** A changed value as the register writes it (labels, names, money, dates); status and number lines carry their words already. */
function valueText(kind: AnyRecordKind, change: HistoryChange, value: unknown, lookups: CellLookups): string {
  const name = change.field.startsWith('data.') ? change.field.slice(5) : change.field;
  const field: KindField = kind.fields.find((f) => f.field === name && change.field.startsWith('data.')) ?? { field: name, label: change.label, type: change.type };
  return cellText(valueCell(kind, field, value, lookups));
}

/** The record's history: who did what when, changed fields as "Label: before → after", reasons given. */
function History({ kind, recordId, lookups }: { kind: AnyRecordKind; recordId: string; lookups: CellLookups }) {
  const history = useLiveQuery('records/history', { id: recordId });
  if (history.error) return <Alert severity="error">{errorText(history.error)}</Alert>;
  const entries = history.data ?? [];
  return (
    <List dense aria-label="History" disablePadding>
      {entries.map((e) => (
        <ListItem key={e.id} divider alignItems="flex-start" data-testid="history-entry" disableGutters>
          <ListItemText
            primary={<><b>{e.summary}</b> · {e.actor.name} · {formatDateTime(e.at)}</>}
            secondary={
              <Box component="span" sx={{ display: 'block' }}>
                {e.changes.map((c) => (
                  <Box component="span" key={c.field} sx={{ display: 'block' }}>
                    {c.label}: {c.old === null ? '' : `${valueText(kind, c, c.old, lookups)} → `}{valueText(kind, c, c.new, lookups)}
                  </Box>
                ))}
                {e.reason && <Box component="span" sx={{ display: 'block', fontStyle: 'italic' }}>Reason: {e.reason}</Box>}
              </Box>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

/** Comments with @mentions, then the record's history (its audit trail as people read it). */
export function ActivityTab({ record, kind }: RecordTabProps) {
  const comments = useLiveQuery('records/comments', { id: record.id });
  const post = useCommand('records/comment');
  const { people, nameOf } = usePeople();
  return (
    <Stack spacing={3} sx={{ maxWidth: 880 }}>
      <Stack spacing={1.5}>
        <Typography variant="subtitle1" component="h3">Comments</Typography>
        {comments.error && <Alert severity="error">{errorText(comments.error)}</Alert>}
        <CommentList comments={comments.data ?? []} />
        <CommentComposer people={people} isPosting={post.isRunning} error={post.error} onPost={(body) => post.run({ id: record.id, body })} />
      </Stack>
      <Divider />
      <Stack spacing={1}>
        <Typography variant="subtitle1" component="h3">History</Typography>
        <History kind={kind} recordId={record.id} lookups={{ personName: nameOf }} />
      </Stack>
    </Stack>
  );
}
