import { Avatar, Box, Stack, Typography } from '@mui/material';
import { formatDateTime } from '../../src-shared/format/display-format';
import type { CommentView } from '../../src-shared/tasks/task-views';

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

/** Comments oldest first, each with its author, time and highlighted @mentions (tasks and records alike). */
export function CommentList({ comments }: { comments: readonly CommentView[] }) {
  if (comments.length === 0) return <Typography variant="body2" color="text.secondary">No comments yet.</Typography>;
  return (
    <>
      {comments.map((c) => (
        <Stack key={c.id} direction="row" spacing={1.5} data-testid="comment">
          <Avatar sx={{ width: 28, height: 28, fontSize: 12 }}>{initials(c.author.name)}</Avatar>
          <Box sx={{ flexGrow: 1 }}>
            <Typography variant="caption" color="text.secondary">
              <b>{c.author.name}</b> · {formatDateTime(c.at)}{c.editedAt ? ' · edited' : ''}
            </Typography>
            <Body comment={c} />
          </Box>
        </Stack>
      ))}
    </>
  );
}
