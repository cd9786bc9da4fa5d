import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { IN_HANDLE, type NamespaceFlowNode } from "./flowTypes";
import { slugOf } from "./graphTestIds";

/** A namespace drawn as a labelled frame behind its members; grant edges point at it. */
export const NamespaceFrame = memo(function NamespaceFrame({ data }: NodeProps<NamespaceFlowNode>) {
  return (
    <div className="ns-frame" data-testid={`graph-namespace-${slugOf(data.namespace)}`}>
      {/* Grant edges arrive from above, so they arc over the picture instead of crossing it. */}
      <Handle
        type="target"
        position={Position.Top}
        id={IN_HANDLE}
        className="gn-handle ns-handle"
        isConnectable={false}
      />
      <span className="ns-label">
        namespace <strong>{data.namespace}</strong>
        {data.declared ? null : <span className="ns-undeclared"> (no Namespace object)</span>}
      </span>
    </div>
  );
});
