/** Reform plans, tasks, milestones, indicators, progress reports, supervision notices. */
export const statements: string[] = [
];
