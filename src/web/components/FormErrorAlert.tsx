import { Alert } from 'antd';

export interface FormError {
  title: string;
  items: string[];
}

/** The server's refusal of a form: its message, and each reason not shown beside a field. */
export function FormErrorAlert({ error }: { error: FormError | null }) {
  if (!error) return null;
  return (
    <Alert type="error" showIcon role="alert" data-testid="form-error" style={{ marginBottom: 16 }} title={error.title}
      description={error.items.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{error.items.map((i) => <li key={i}>{i}</li>)}</ul> : undefined} />
  );
}
