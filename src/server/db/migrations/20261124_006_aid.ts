/** Aid types, aid applications, payment batches, seasonal campaigns and distributions. */
export const statements: string[] = [
];
