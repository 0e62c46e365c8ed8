import { useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { api, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';

interface StepDef {
  key: string;
  nameZh: string;
  nameEn: string;
  level: 'grassroots' | 'town' | 'district';
  dueDays: number;
}
interface TypeConfig {
  type: string;
  name: string;
  nameEn: string;
  declared: StepDef[];
  steps: StepDef[];
}

const LEVELS: { level: StepDef['level']; zh: string; en: string }[] = [
  { level: 'grassroots', zh: '基层工会', en: 'Grassroots union' },
  { level: 'town', zh: '镇街/园区工会', en: 'Town / park' },
  { level: 'district', zh: '区总工会', en: 'District' },
];

/** District staff choose, per application type, which levels review it and in how many days. */
export function StepConfig() {
  const { tr, en } = useLocale();
  const { data, error, loading, reload } = useAsync((signal) => api.get<TypeConfig[]>('/workflow/types', undefined, signal), []);
  const [selected, setSelected] = useState<string>();
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;
  const current = data.find((t) => t.type === selected) ?? data[0];
  if (!current) return <Alert type="info" title={tr('暂无可配置的申请类型', 'No application types')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select aria-label={tr('申请类型', 'Type')} value={current.type} onChange={setSelected} style={{ width: 220 }} options={data.map((t) => ({ value: t.type, label: en ? t.nameEn : t.name }))} />
      <TypeSteps key={current.type} config={current} onSaved={reload} />
    </Space>
  );
}

function TypeSteps({ config, onSaved }: { config: TypeConfig; onSaved: () => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const [steps, setSteps] = useState(() => LEVELS.map((l) => {
    const s = config.steps.find((x) => x.level === l.level) ?? config.declared.find((x) => x.level === l.level);
    return { on: config.steps.some((x) => x.level === l.level), def: s ?? { key: l.level, nameZh: `${l.zh}审核`, nameEn: `${l.en} review`, level: l.level, dueDays: 5 } };
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/workflow/types/${encodeURIComponent(config.type)}`, { steps: steps.filter((s) => s.on).map((s) => s.def) });
      message.success(tr('已保存，新提交的申请按此环节审批', 'Saved; new applications follow these steps'));
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small">
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{tr('审批自下而上进行，每级一次；修改只影响之后提交的申请。', 'Reviews climb the tree, one step per level; changes apply to new applications.')}</Typography.Paragraph>
      {steps.map((s, i) => (
        <Space key={s.def.level} wrap style={{ display: 'flex', marginBottom: 8 }}>
          <Switch aria-label={en ? LEVELS[i].en : LEVELS[i].zh} checked={s.on} onChange={(on) => setSteps(steps.map((x, j) => (j === i ? { ...x, on } : x)))} />
          <span style={{ width: 110, display: 'inline-block' }}>{en ? LEVELS[i].en : LEVELS[i].zh}</span>
          <span>{s.def.nameZh}</span>
          <InputNumber aria-label={tr(`${LEVELS[i].zh}办理天数`, `${LEVELS[i].en} days`)} min={1} max={60} value={s.def.dueDays} disabled={!s.on}
            onChange={(v) => setSteps(steps.map((x, j) => (j === i ? { ...x, def: { ...x.def, dueDays: v ?? 5 } } : x)))} addonAfter={tr('天', 'days')} style={{ width: 130 }} />
        </Space>
      ))}
      <Button type="primary" loading={busy} onClick={save}>{tr('保存', 'Save')}</Button>
    </Card>
  );
}
