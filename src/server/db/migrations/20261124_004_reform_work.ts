/** Reform groups, policy documents, meetings, budget lines and spending, activities. */
export const statements: string[] = [
];
