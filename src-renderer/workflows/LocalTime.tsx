import { Tooltip } from '@mui/material';
import { formatDateTime, formatDay } from '../../src-shared/format/display-format';

/** A time shown in the reader's local time, with the stored UTC instant on hover (audit records are UTC). */
export function LocalTime({ iso, isDateOnly = false }: { iso: string | undefined; isDateOnly?: boolean }) {
  if (!iso) return <span>—</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  // The app's one format for days and times (src-shared/format/display-format.ts).
  const text = isDateOnly ? formatDay(iso) : formatDateTime(iso);
  return (
    <Tooltip title={`${date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')}`}>
      <time dateTime={iso} style={{ whiteSpace: 'nowrap' }}>{text}</time>
    </Tooltip>
  );
}
