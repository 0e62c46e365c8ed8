import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, List, Popover, Typography } from 'antd';
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
    <div style={{ width: 'min(340px, 86vw)' }}>
      <List<Notice>
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: tr('暂无通知', 'No notifications') }}
        renderItem={(n) => (
          <List.Item style={{ cursor: n.link ? 'pointer' : 'default', opacity: n.readAt ? 0.6 : 1 }} onClick={() => void openNotice(n)}>
            <div>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              {n.body && <div style={{ fontSize: 12 }}>{n.body}</div>}
              <div style={{ fontSize: 12, color: '#999' }}>{dayjs(n.createdAt).format('MM-DD HH:mm')}</div>
            </div>
          </List.Item>
        )}
      />
      {!!data?.unread && <Button type="link" size="small" onClick={() => void readAll()}>{tr('全部标为已读', 'Mark all read')}</Button>}
    </div>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} content={content} title={tr('通知', 'Notifications')} placement="bottomRight">
      <Button type="text" aria-label={tr(`通知（${data?.unread ?? 0} 条未读）`, `Notifications (${data?.unread ?? 0} unread)`)} data-testid="notifications">
        <Badge count={data?.unread ?? 0} size="small" offset={[4, -2]}><BellOutlined /></Badge>
      </Button>
    </Popover>
  );
}
