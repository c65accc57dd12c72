import AddLinkIcon from '@mui/icons-material/AddLink';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Alert, Button, IconButton, Link, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { RecordLinkView } from '../../src-shared/records/record-contract';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { LinkDialog } from './LinkDialog';
import type { RecordTabProps } from './record-tabs';
import { RecordNumber } from './RecordNumber';
import { StatusChip } from './StatusChip';

const collectionWords: Record<string, string> = { projects: 'Project', tasks: 'Task', meetings: 'Meeting' };

/** Where a linked item opens: a record's page, a project, a task. */
const hrefOf = (link: RecordLinkView) => (link.collection === 'records' ? `#/records/${link.id}` : `#/${link.collection}/${link.id}`);

/** The records, projects and tasks linked to this record, both ways; link another or remove a link. */
export function LinksTab({ record }: RecordTabProps) {
  const links = useLiveQuery('records/links', { id: record.id });
  const unlink = useCommand('records/unlink');
  const [isLinking, setLinking] = useState(false);
  const list = links.data ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" sx={{ flexGrow: 1 }}>{list.length === 0 ? 'Nothing is linked yet.' : `${list.length} linked`}</Typography>
        <Button startIcon={<AddLinkIcon />} variant="outlined" onClick={() => setLinking(true)}>Link…</Button>
      </Stack>
      {links.error && <Alert severity="error">{errorText(links.error)}</Alert>}
      {unlink.error && <Alert severity="error" onClose={() => unlink.clearError()}>{errorText(unlink.error)}</Alert>}
      {list.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="Linked records">
            <TableHead>
              <TableRow><TableCell>Type</TableCell><TableCell>Number</TableCell><TableCell>Title</TableCell><TableCell>Status</TableCell><TableCell>Relation</TableCell><TableCell /></TableRow>
            </TableHead>
            <TableBody>
              {list.map((l) => {
                const kind = l.collection === 'records' ? recordKindOf(l.kind) : undefined;
                return (
                  <TableRow key={l.linkId} data-testid="linked-record">
                    <TableCell>{kind?.label ?? collectionWords[l.collection] ?? l.kind}</TableCell>
                    <TableCell>{l.number ? <RecordNumber number={l.number} numberState="final" /> : '—'}</TableCell>
                    <TableCell><Link href={hrefOf(l)} underline="hover">{l.title}</Link></TableCell>
                    <TableCell>{kind ? <StatusChip kind={kind} status={l.status} /> : l.status || '—'}</TableCell>
                    <TableCell>{l.direction === 'from' ? `${l.relation} (from it)` : l.relation}</TableCell>
                    <TableCell align="right">
                      <Tooltip title="Remove this link">
                        <IconButton size="small" aria-label={`Unlink ${l.title}`} onClick={() => void unlink.run({ id: record.id, linkId: l.linkId })}><LinkOffIcon fontSize="small" /></IconButton>
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
      <LinkDialog record={record} isOpen={isLinking} onClose={() => setLinking(false)} />
    </Stack>
  );
}
