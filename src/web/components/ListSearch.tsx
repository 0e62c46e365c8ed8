import { useEffect, useState, type CSSProperties } from 'react';
import { Input } from 'antd';
import { useLocale } from '../i18n';

/**
 * The search box of a server-paged list: typing edits a draft, Enter or the button
 * applies it, clearing the box drops the filter at once.
 */
export function ListSearch(props: { value: string; onSearch: (q: string | undefined) => void; label: string; placeholder: string; style?: CSSProperties }) {
  const { tr } = useLocale();
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  return (
    <Input.Search
      aria-label={props.label}
      placeholder={props.placeholder}
      allowClear
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        if (!e.target.value && props.value) props.onSearch(undefined);
      }}
      onSearch={(v) => props.onSearch(v.trim() || undefined)}
      enterButton={tr('搜索', 'Search')}
      style={props.style}
    />
  );
}
