/**
 * A file drop target with its own "choose" button and hidden input: dropping is the mouse shortcut, the button
 * is the keyboard path (and the input carries the label), the hint under it says what is accepted.
 */
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type DragEvent, type ReactNode, type RefObject, useId, useRef, useState } from 'react';

export interface DropZoneProps {
  /** Called with what was dropped or chosen (never empty). */
  onFiles(files: FileList): void;
  labels: { drop: string; or: string; choose: string };
  hint: ReactNode;
  accept?: string;
  multiple?: boolean;
  loading?: boolean;
  testId: string;
  inputTestId: string;
  /** Lets a button elsewhere on the page open the same chooser. */
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function DropZone(props: DropZoneProps) {
  const { onFiles, labels, hint, accept, multiple, loading, testId, inputTestId } = props;
  const ownRef = useRef<HTMLInputElement>(null);
  const inputRef = props.inputRef ?? ownRef;
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) onFiles(e.dataTransfer.files);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target is a mouse shortcut; the button inside is the keyboard path.
    <div
      className={`mc-dropzone${dragging ? ' mc-dropzone-active' : ''}`}
      onDragEnter={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid={testId}
    >
      <InboxOutlined className="mc-dropzone-icon" aria-hidden />
      <div className="mc-dropzone-text">{labels.drop}</div>
      <div className="mc-muted">{labels.or}</div>
      <Button
        type="primary"
        icon={<UploadOutlined />}
        onClick={() => inputRef.current?.click()}
        aria-describedby={hintId}
        loading={loading}
      >
        {labels.choose}
      </Button>
      <input
        ref={inputRef}
        type="file"
        multiple={multiple}
        hidden
        accept={accept}
        aria-label={labels.choose}
        data-testid={inputTestId}
        onChange={(e) => {
          if (e.target.files?.length) onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      <div id={hintId} className="mc-muted mc-dropzone-hint">
        {hint}
      </div>
    </div>
  );
}
