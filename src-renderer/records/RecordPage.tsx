import DescriptionIcon from '@mui/icons-material/Description';
import { Button, LinearProgress, Stack, Tab, Tabs } from '@mui/material';
import { useEffect } from 'react';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { useNavigation } from '../shell/navigation';
import { RECORD_SECTION, useOpenRecordModule } from './record-routes';
import { recordTabs } from './record-tabs';
import { RecordHeader } from './RecordHeader';

/**
 * One page for a record of any kind (`#/records/<id>/<tab>`): its header with the status changes
 * this person may make, then the tabs of record-tabs.ts. A record the person may not read looks
 * the same as one that does not exist.
 */
export function RecordPage({ id, tab }: { id: string; tab: string | undefined }) {
  const record = useLiveQuery('records/get', { id });
  const go = useNavigation((s) => s.go);
  const setModule = useOpenRecordModule((s) => s.set);
  const kind = recordKindOf(record.data?.kind);
  useEffect(() => {
    setModule(kind?.module ?? null);
    return () => setModule(null);
  }, [kind, setModule]);

  if (record.isLoading && !record.data) return <LinearProgress aria-label="Opening the record" />;
  if (!record.data || !kind) {
    return (
      <EmptySection icon={<DescriptionIcon />} title="This record is not available"
        text={record.error ? errorText(record.error) : 'LabFlow does not know this kind of record; a newer version on another PC may have written it.'}
        action={<Button onClick={() => window.history.back()}>Go back</Button>} />
    );
  }
  const shown = recordTabs.filter((t) => !t.isShown || t.isShown(record.data as NonNullable<typeof record.data>, kind));
  const current = shown.find((t) => t.id === tab) ?? shown[0];
  return (
    <Stack spacing={2}>
      <RecordHeader record={record.data} kind={kind} />
      <Tabs value={current?.id ?? false} onChange={(_e, next: string) => go(RECORD_SECTION, [id, next])} aria-label="Record" sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {shown.map((t) => <Tab key={t.id} value={t.id} label={t.label} />)}
      </Tabs>
      {current && <current.Panel record={record.data} kind={kind} />}
    </Stack>
  );
}
