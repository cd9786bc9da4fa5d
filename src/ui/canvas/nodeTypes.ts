// Module scope, so React Flow sees the same objects on every render (xyflow error002).
import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { GraphNodeView } from "./GraphNodeView";
import { NamespaceFrame } from "./NamespaceFrame";
import { StatusEdge } from "./StatusEdge";

export const nodeTypes: NodeTypes = { graphNode: GraphNodeView, namespaceFrame: NamespaceFrame };
export const edgeTypes: EdgeTypes = { status: StatusEdge };
