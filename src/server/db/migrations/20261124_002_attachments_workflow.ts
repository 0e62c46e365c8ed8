/** Attachments, notifications and the one review workflow (applications, steps, events). */
export const statements: string[] = [
];
