import { useState, type DragEvent, type ReactNode } from "react";
import { openFilesOnDemand, type OpenMode } from "./openFilesOnDemand";

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

/**
 * Dropping .yaml/.yml files (or a zip of them) on the page: on the left half they are added to the
 * workspace, on the right half they open as the workspace (asking first when work would be lost).
 */
export function FileDropZone({ children }: { children: ReactNode }) {
  const [over, setOver] = useState<OpenMode | undefined>(undefined);
  const modeAt = (e: DragEvent<HTMLDivElement>): OpenMode => {
    const box = e.currentTarget.getBoundingClientRect();
    return e.clientX < box.left + box.width / 2 ? "add" : "open";
  };
  return (
    <div
      className="drop-zone"
      data-testid="drop-zone"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(modeAt(e));
      }}
      onDragLeave={(e) => {
        if (
          e.currentTarget === e.target ||
          !e.currentTarget.contains(e.relatedTarget as Node | null)
        )
          setOver(undefined);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(undefined);
        void openFilesOnDemand(e.dataTransfer.files, modeAt(e));
      }}
    >
      {children}
      {over !== undefined && (
        <div className="drop-overlay drop-overlay--split" data-testid="drop-overlay">
          <div className={over === "add" ? "is-active" : ""}>
            Drop here to add the files to the workspace
          </div>
          <div className={over === "open" ? "is-active" : ""}>
            Drop here to open: the files replace the workspace
          </div>
        </div>
      )}
    </div>
  );
}
