/** Talk's commands; the core's are in messages.ts. */
export const TALK_COMMANDS = ['advice', 'practice', 'topics', 'progress', 'again', 'stop'] as const;
