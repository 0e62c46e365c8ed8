import { Drawer } from 'antd';
import { useLocale } from '../../i18n';
import { useMediaNarrow } from '../../components/hooks';
import { MemberDetailView } from './MemberDetailView';

export default function MemberDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged?: () => void }) {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  return (
    <Drawer open onClose={onClose} title={tr('会员详情', 'Member details')} size={narrow ? '100%' : 600} destroyOnHidden>
      <MemberDetailView id={id} onChanged={onChanged} />
    </Drawer>
  );
}
