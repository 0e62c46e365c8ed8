import type { ReactNode } from 'react';
import { Drawer } from 'antd';

/** The phone menu: loaded only on narrow screens. */
export default function MobileNav({ open, onClose, label, children }: { open: boolean; onClose: () => void; label: string; children: ReactNode }) {
  return (
    <Drawer placement="left" open={open} onClose={onClose} size={240} closable={false} title={null} styles={{ body: { padding: 0, background: '#001529' } }} aria-label={label}>
      {children}
    </Drawer>
  );
}
