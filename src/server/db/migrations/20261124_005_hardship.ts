/** Hardship records (困难职工档案): households, income, causes, sensitive health data, tier thresholds. */
export const statements: string[] = [
];
