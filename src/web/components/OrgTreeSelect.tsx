import { TreeSelect } from 'antd';
import { useOrgTree } from './useOrgTree';
import { useLocale } from '../i18n';
import type { OrgTreeNode } from './hooks';

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  ariaLabel?: string;
  id?: string;
  /** Organisations that cannot be chosen (e.g. the member's current union). */
  disabledIds?: number[];
  /** Member units (成员单位) are bureaus, not unions: hide them when picking a union. */
  unionsOnly?: boolean;
  style?: React.CSSProperties;
  status?: 'error' | 'warning';
}

function prune(nodes: OrgTreeNode[] | undefined, opts: { unionsOnly?: boolean; disabled: Set<number> }): any[] | undefined {
  if (!nodes) return undefined;
  return nodes
    .filter((n) => !(opts.unionsOnly && n.org.type === 'member_unit'))
    .map((n) => ({ value: n.value, title: n.title, key: n.key, disabled: opts.disabled.has(n.value), children: prune(n.children, opts) }));
}

/** Pick an organisation from the user's visible tree, with search by name. */
export function OrgTreeSelect({ value, onChange, placeholder, allowClear = true, ariaLabel, id, disabledIds, unionsOnly, style, status }: Props) {
  const { tr } = useLocale();
  const { tree, loading } = useOrgTree();
  const data = prune(tree?.roots, { unionsOnly, disabled: new Set(disabledIds ?? []) });
  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel ?? tr('选择组织', 'Choose an organisation')}
      style={{ width: '100%', ...style }}
      value={value}
      onChange={(v) => onChange?.(v === undefined || v === null ? undefined : Number(v))}
      treeData={data}
      loading={loading}
      placeholder={placeholder ?? tr('选择组织（可输入名称搜索）', 'Organisation (type to search)')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={tree?.roots.map((r) => r.key)}
      popupMatchSelectWidth={false}
      listHeight={360}
      status={status}
      styles={{ popup: { root: { maxWidth: 'min(480px, 92vw)' } } }}
    />
  );
}
