/** The guide's commands: /vote opens it, /remind subscribes to reminders of the station last shown. */
export const GUIDE_COMMANDS = ['vote', 'remind'] as const;
