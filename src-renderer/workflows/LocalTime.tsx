import { Tooltip } from '@mui/material';
import { formatDate, formatDateTime } from '../format/date-time';

/** A time shown in the reader's local time in LabFlow's one format (format/date-time.ts), with the stored UTC instant on hover (audit records are UTC). */
export function LocalTime({ iso, isDateOnly = false }: { iso: string | undefined; isDateOnly?: boolean }) {
  if (!iso) return <span>—</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const text = isDateOnly ? formatDate(iso) : formatDateTime(iso);
  return (
    <Tooltip title={`${date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')}`}>
      <time dateTime={iso} style={{ whiteSpace: 'nowrap' }}>{text}</time>
    </Tooltip>
  );
}
