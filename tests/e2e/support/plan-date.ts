/** A planning date ('YYYY-MM-DD') `offsetDays` from today, in the browser's (and this machine's) local calendar. */
export const planDate = (offsetDays: number): string => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
