-- Lookups of the meetings rule (src-shared/meetings/room-booking.ts): the meetings booked in a room
-- that have not ended, and the occurrence documents of a series.
CREATE INDEX documents_meeting_room ON documents ((data->>'roomId'), (data->>'untilAt')) WHERE collection = 'meetings';

CREATE INDEX documents_meeting_series ON documents ((data->>'seriesId')) WHERE collection = 'meetings';
