/** One reason in an API error's `details`: a field, or a spreadsheet row and column. */
export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  code: string;
  message: string;
  messageEn?: string;
}
