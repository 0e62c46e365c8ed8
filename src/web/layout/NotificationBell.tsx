import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Dropdown, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../api';
import { useLocale } from '../i18n';

interface Notice {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
interface Notices {
  total: number;
  unread: number;
  items: Notice[];
}

const POLL_MS = 60_000;

/** 通知: what waits for me and what happened to my applications; polled once a minute. */
export function NotificationBell() {
  const { tr } = useLocale();
  const navigate = useNavigate();
  const [data, setData] = useState<Notices | null>(null);
  const [open, setOpen] = useState(false);
  const load = () => api.get<Notices>('/notifications', { limit: 10 }).then(setData).catch(() => undefined);
  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(t);
  }, []);

  const openNotice = async (n: Notice) => {
    setOpen(false);
    if (!n.readAt) await api.post(`/notifications/${n.id}/read`).catch(() => undefined);
    void load();
    if (n.link) navigate(n.link);
  };
  const readAll = async () => {
    await api.post('/notifications/read-all').catch(() => undefined);
    void load();
  };

  const content = (
    <div style={{ width: 'min(340px, 86vw)', background: '#fff', padding: 12, borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}>
      <Typography.Text strong>{tr('通知', 'Notifications')}</Typography.Text>
      {/* Plain markup: antd List would pull pagination and grid into every page's first load. */}
      {!data?.items.length && <Typography.Text type="secondary">{tr('暂无通知', 'No notifications')}</Typography.Text>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflowY: 'auto' }}>
        {(data?.items ?? []).map((n) => (
          <li key={n.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', opacity: n.readAt ? 0.6 : 1 }}>
            <button type="button" onClick={() => void openNotice(n)} style={{ all: 'unset', cursor: n.link ? 'pointer' : 'default', display: 'block', width: '100%' }}>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              {n.body && <div style={{ fontSize: 12 }}>{n.body}</div>}
              <div style={{ fontSize: 12, color: '#999' }}>{dayjs(n.createdAt).format('MM-DD HH:mm')}</div>
            </button>
          </li>
        ))}
      </ul>
      {!!data?.unread && <Button type="link" size="small" onClick={() => void readAll()}>{tr('全部标为已读', 'Mark all read')}</Button>}
    </div>
  );
  return (
    // A Dropdown with custom content: the account menu already loads it, a Popover would add a chunk.
    <Dropdown trigger={['click']} open={open} onOpenChange={setOpen} popupRender={() => content} placement="bottomRight">
      <Button type="text" aria-label={tr(`通知（${data?.unread ?? 0} 条未读）`, `Notifications (${data?.unread ?? 0} unread)`)} data-testid="notifications">
        <Badge count={data?.unread ?? 0} size="small" offset={[4, -2]}><BellOutlined /></Badge>
      </Button>
    </Dropdown>
  );
}
