/** The host's current offset from UTC in minutes, as the default for rules' local times of day. */
export const hostUtcOffsetMinutes = (now = new Date()): number => -now.getTimezoneOffset();
