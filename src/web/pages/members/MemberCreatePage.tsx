import { MemberForm } from './MemberForm';

export default function MemberCreatePage() {
  return <MemberForm />;
}
