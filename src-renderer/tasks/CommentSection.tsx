import { Stack } from '@mui/material';
import type { PersonView } from '../../src-shared/people/person';
import type { TaskDetail } from '../../src-shared/tasks/task-views';
import { useCommand } from '../bridge/BridgeProvider';
import { CommentComposer } from '../comments/CommentComposer';
import { CommentList } from '../comments/CommentList';

export function CommentSection({ detail, people }: { detail: TaskDetail; people: PersonView[] }) {
  const add = useCommand('comments/add');
  return (
    <Stack spacing={1.5}>
      <CommentList comments={detail.comments} />
      {detail.canEdit && <CommentComposer people={people} isPosting={add.isRunning} error={add.error} onPost={(body) => add.run({ taskId: detail.task.id, body })} />}
    </Stack>
  );
}
