import { useState, type DragEvent, type ReactNode } from 'react';
import { openFiles } from './openFiles';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** Dropping .yaml/.yml files (or a zip of them) anywhere on the page adds them to the workspace. */
export function FileDropZone({ children }: { children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className="drop-zone"
      data-testid="drop-zone"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        void openFiles(e.dataTransfer.files);
      }}
    >
      {children}
      {over && <div className="drop-overlay">Drop YAML files to add them to the workspace (a .zip of them works too)</div>}
    </div>
  );
}
