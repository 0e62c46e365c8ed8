import { useEffect, useState } from 'react';
import { App, Button, Upload, type UploadFile } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { api, attachmentUrl, errorMessage, uploadAttachment, type Attachment } from '../api';
import { useLocale } from '../i18n';

const MAX_BYTES = 10 * 1024 * 1024;

interface Props {
  /** ids of uploaded files, what the form submits as attachmentIds */
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** files already on the record (shown, not removable here) */
  existing?: Attachment[];
  /** photos from the phone camera and images only */
  photos?: boolean;
  max?: number;
  label?: string;
}

/**
 * The one upload control: sends each file to /attachments as soon as it is picked,
 * shows the server's reason when it is refused, and reports the ids to the form.
 */
export function AttachmentUpload({ value = [], onChange, existing = [], photos, max = 9, label }: Props) {
  const { tr } = useLocale();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // A form reset (value emptied from outside) clears the finished uploads too.
  useEffect(() => {
    if (!value.length) setFiles((f) => f.filter((x) => x.status === 'uploading'));
  }, [value.length]);
  const shown: UploadFile[] = [
    ...existing.map((a) => ({ uid: `e${a.id}`, name: a.name, status: 'done' as const, url: attachmentUrl(a.id), thumbUrl: a.mime.startsWith('image/') ? attachmentUrl(a.id) : undefined })),
    ...files,
  ];
  const setIds = (next: UploadFile[]) => onChange?.(next.filter((f) => f.status === 'done' && f.response).map((f) => (f.response as Attachment).id));

  return (
    <Upload
      listType={photos ? 'picture-card' : 'text'}
      accept={photos ? 'image/*' : 'image/*,.pdf,.doc,.docx,.xls,.xlsx'}
      multiple
      fileList={shown}
      maxCount={max + existing.length}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) {
          message.error(tr(`“${file.name}”超过 10 MB，请压缩后上传`, `"${file.name}" is larger than 10 MB`));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const a = await uploadAttachment(file as File);
          onSuccess?.(a);
        } catch (err) {
          message.error(errorMessage(err));
          onError?.(err as Error);
        }
      }}
      onChange={({ fileList }) => {
        const mine = fileList.filter((f) => !f.uid.startsWith('e') && f.status !== 'error');
        setFiles(mine.map((f) => (f.status === 'done' && f.response ? { ...f, url: attachmentUrl((f.response as Attachment).id) } : f)));
        setIds(mine);
      }}
      onRemove={(f) => {
        if (f.uid.startsWith('e')) return false;
        const id = (f.response as Attachment | undefined)?.id;
        if (id) void api.del(`/attachments/${id}`).catch(() => undefined);
        return true;
      }}
    >
      {photos ? (
        <div>
          <CameraOutlined style={{ fontSize: 22 }} />
          <div style={{ marginTop: 4 }}>{label ?? tr('拍照/选图', 'Add photo')}</div>
        </div>
      ) : (
        <Button icon={<UploadOutlined />}>{label ?? tr('上传附件', 'Upload')}</Button>
      )}
    </Upload>
  );
}

/** Read-only list of a record's files, each opening in a new tab (the server checks access). */
export function AttachmentList({ items }: { items: Attachment[] }) {
  const { tr } = useLocale();
  if (!items.length) return <span style={{ color: '#999' }}>{tr('无附件', 'No attachments')}</span>;
  return (
    <ul style={{ paddingLeft: 18, margin: 0 }}>
      {items.map((a) => (
        <li key={a.id}>
          <a href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">{a.name}</a>
          <span style={{ color: '#999', marginLeft: 8 }}>{(a.size / 1024).toFixed(0)} KB</span>
        </li>
      ))}
    </ul>
  );
}
