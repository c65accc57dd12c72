/**
 * A calendar day as LabFlow shows days ("Dec 16, 2026"), for messages written by the host or the
 * sync server (refusals, reminders, titles) that the UI shows verbatim beside dates it formats
 * itself. English month abbreviations, no time zone: due dates are calendar days. Anything that is
 * not a day or an ISO instant is returned unchanged.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dayText(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${Number(match[3])}, ${match[1]}` : date;
}
