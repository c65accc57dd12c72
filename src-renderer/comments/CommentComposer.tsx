import { Alert, Box, Button } from '@mui/material';
import { useState } from 'react';
import type { AppError, Result } from '../../src-shared/core/result';
import type { PersonView } from '../../src-shared/people/person';
import { errorText } from '../errors/error-text';
import { MentionField } from '../tasks/MentionField';

/** Why a mention notified nobody, in words. */
const notNotified: Record<string, string> = { unknown: 'nobody by that name', ambiguous: 'several people match', cannot_read: 'cannot see this record' };

interface Props {
  people: readonly PersonView[];
  /** Posts the comment; the '@names' that were not notified come back with why. */
  onPost: (body: string) => Promise<Result<{ unresolved: ReadonlyArray<{ text: string; reason: string }> }>>;
  isPosting: boolean;
  error: AppError | undefined;
}

/** Writes a comment with @mentions (offered while typing), posts it, and says who was not notified. */
export function CommentComposer({ people, onPost, isPosting, error }: Props) {
  const [body, setBody] = useState('');
  const [unresolved, setUnresolved] = useState<string[]>([]);
  const mentionable = people.filter((p) => p.isActive).map((p) => ({ id: p.id, email: p.email, name: p.name }));
  const submit = async () => {
    const result = await onPost(body);
    if (result.ok) {
      setBody('');
      setUnresolved(result.value.unresolved.map((u) => `${u.text} (${notNotified[u.reason] ?? u.reason})`));
    }
  };
  return (
    <>
      <MentionField label="Comment" value={body} onChange={setBody} people={mentionable} />
      <Box><Button variant="outlined" size="small" onClick={() => void submit()} disabled={!body.trim() || isPosting}>Post comment</Button></Box>
      {unresolved.length > 0 && <Alert severity="info" onClose={() => setUnresolved([])}>Not notified: {unresolved.join(', ')}.</Alert>}
      {error && <Alert severity="error">{errorText(error)}</Alert>}
    </>
  );
}
