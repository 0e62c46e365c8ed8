import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { api, type Page } from '../../api';
import { useLocale } from '../../i18n';

interface Option { value: number; label: string }

const SOURCES = {
  activity: { path: '/activities', label: (r: { heldOn: string; title: string }) => `${r.heldOn} ${r.title}` },
  task: { path: '/reform/tasks', label: (r: { code: string; title: string }) => `${r.code} ${r.title}` },
} as const;

/** Pick an activity or a reform task by typing part of its title (searched on the server, 20 at a time). */
export function RecordPicker({ kind, value, onChange, id, ariaLabel }: { kind: keyof typeof SOURCES; value?: number | null; onChange?: (v: number | null) => void; id?: string; ariaLabel: string }) {
  const { tr } = useLocale();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const ctl = useRef<AbortController | null>(null);
  const search = (q: string) => {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setLoading(true);
    api.get<Page<never>>(SOURCES[kind].path, { q: q || undefined, pageSize: 20 }, c.signal)
      .then((r) => setOptions(r.items.map((x: { id: number }) => ({ value: x.id, label: SOURCES[kind].label(x as never) }))))
      .catch(() => undefined)
      .finally(() => !c.signal.aborted && setLoading(false));
  };
  useEffect(() => {
    search('');
    return () => ctl.current?.abort();
  }, [kind]);
  return (
    <Select id={id} aria-label={ariaLabel} allowClear showSearch={{ filterOption: false, onSearch: search }} loading={loading} value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)} options={options} placeholder={tr('输入名称搜索', 'Type to search')} notFoundContent={loading ? tr('搜索中…', 'Searching…') : tr('没有找到', 'Nothing found')}
      popupMatchSelectWidth={false} styles={{ popup: { root: { maxWidth: 'min(520px, 94vw)' } } }} />
  );
}
