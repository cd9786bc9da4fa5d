/**
 * The data the canvas' custom nodes and edges receive. toFlowElements builds them; the components
 * only draw them. Plain objects so React Flow can compare them cheaply.
 */
import type { Edge, Node } from "@xyflow/react";
import type { GraphEdge, GraphNode, GraphStatus } from "../../engine";

export type GraphNodeData = {
  node: GraphNode;
  selected: boolean;
  /** The object's YAML document has a syntax error: drawn from the last good analysis. */
  stale: boolean;
  width: number;
  height: number;
  /** A search or filter is on and this node does not match it: drawn faded. */
  dimmed?: boolean;
  /** The canvas' keyboard cursor is on this node. */
  cursor?: boolean;
};

export type NamespaceFrameData = {
  namespace: string;
  declared: boolean;
  width: number;
  height: number;
};

export type GraphEdgeData = {
  edge: GraphEdge;
  status: GraphStatus;
  label?: string;
  /** An end of the edge is stale (drawn from the last good analysis). */
  stale: boolean;
  /** Set when other edges join the same two nodes: which lane this one takes (edgeGeometry.ts). */
  lane?: number;
};

export type GraphFlowNode = Node<GraphNodeData, "graphNode">;
export type NamespaceFlowNode = Node<NamespaceFrameData, "namespaceFrame">;
export type FlowNode = GraphFlowNode | NamespaceFlowNode;
export type FlowEdge = Edge<GraphEdgeData, "status">;

/** Handle ids on graph nodes: one "in" and one "out" per node, plus one per listener row. */
export const IN_HANDLE = "in";
export const OUT_HANDLE = "out";
/** A ReferenceGrant's edges leave from its top towards the namespace frames it admits. */
export const GRANT_HANDLE = "grant";
export function listenerHandle(name: string): string {
  return `listener:${name}`;
}
export function listenerFromHandle(handle: string | null | undefined): string | undefined {
  return handle?.startsWith("listener:") ? handle.slice("listener:".length) : undefined;
}
