import { Alert, Avatar, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { PersonView } from '../../src-shared/people/person';
import type { CommentView, TaskDetail } from '../../src-shared/tasks/task-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { MentionField } from './MentionField';

/** The body with each resolved @mention highlighted. */
function Body({ comment }: { comment: CommentView }) {
  const parts: Array<{ text: string; isMention: boolean }> = [];
  let at = 0;
  for (const m of [...comment.mentions].sort((a, b) => a.start - b.start)) {
    if (m.start > at) parts.push({ text: comment.body.slice(at, m.start), isMention: false });
    parts.push({ text: comment.body.slice(m.start, m.end), isMention: true });
    at = m.end;
  }
  parts.push({ text: comment.body.slice(at), isMention: false });
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((p, i) => (p.isMention ? <Box component="span" key={i} sx={{ color: 'primary.main', fontWeight: 600 }}>{p.text}</Box> : <span key={i}>{p.text}</span>))}
    </Typography>
  );
}

const initials = (name: string) => name.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();

export function CommentSection({ detail, people }: { detail: TaskDetail; people: PersonView[] }) {
  const add = useCommand('comments/add');
  const [body, setBody] = useState('');
  const [unresolved, setUnresolved] = useState<string[]>([]);
  const mentionable = people.filter((p) => p.isActive).map((p) => ({ id: p.id, email: p.email, name: p.name }));
  const submit = async () => {
    const result = await add.run({ taskId: detail.task.id, body });
    if (result.ok) {
      setBody('');
      setUnresolved(result.value.unresolved.map((u) => `${u.text} (${u.reason === 'unknown' ? 'nobody by that name' : 'several people match'})`));
    }
  };
  return (
    <Stack spacing={1.5}>
      {detail.comments.length === 0 && <Typography variant="body2" color="text.secondary">No comments yet.</Typography>}
      {detail.comments.map((c) => (
        <Stack key={c.id} direction="row" spacing={1.5} data-testid="comment">
          <Avatar sx={{ width: 28, height: 28, fontSize: 12 }}>{initials(c.author.name)}</Avatar>
          <Box sx={{ flexGrow: 1 }}>
            <Typography variant="caption" color="text.secondary">
              <b>{c.author.name}</b> · {new Date(c.at).toLocaleString()}{c.editedAt ? ' · edited' : ''}
            </Typography>
            <Body comment={c} />
          </Box>
        </Stack>
      ))}
      {detail.canEdit && (
        <>
          <MentionField label="Comment" value={body} onChange={setBody} people={mentionable} />
          <Box><Button variant="outlined" size="small" onClick={() => void submit()} disabled={!body.trim() || add.isRunning}>Post comment</Button></Box>
        </>
      )}
      {unresolved.length > 0 && <Alert severity="info" onClose={() => setUnresolved([])}>Not notified: {unresolved.join(', ')}.</Alert>}
      {add.error && <Alert severity="error">{errorText(add.error)}</Alert>}
    </Stack>
  );
}
