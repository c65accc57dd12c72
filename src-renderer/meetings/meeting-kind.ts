import type { MeetingDetail } from '../../src-shared/meetings/meeting-views';

/** The page shows a series itself (its standing agenda and rule), not one meeting of it: no minutes there. */
export const isSeriesItself = (meeting: MeetingDetail): boolean => meeting.seriesId !== '' && meeting.seriesId === meeting.id;
