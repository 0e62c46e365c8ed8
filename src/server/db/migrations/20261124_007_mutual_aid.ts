/** Mutual-aid plans, enrolments and secondary-reimbursement claims. */
export const statements: string[] = [
];
