import './palette.css';
import type { GraphNode, ObjectSummary } from '../../engine';
import { applyCanvasIntents } from '../canvas/applyCanvasIntents';
import { useRef } from 'react';
import { useRovingToolbar } from '../common/useRovingToolbar';
import { PALETTE_KINDS, buildListenerTemplate, buildObjectTemplate, type PaletteKind } from './objectTemplates';

const LABEL: Record<PaletteKind, string> = {
  GatewayClass: 'GatewayClass',
  Gateway: 'Gateway',
  HTTPRoute: 'HTTPRoute',
  GRPCRoute: 'GRPCRoute',
  Service: 'Service',
  Namespace: 'Namespace',
  ReferenceGrant: 'ReferenceGrant',
};

/** Adds objects to the YAML with valid defaults; new namespaced objects go to the selected object's namespace. */
export function Palette(props: { objects: readonly ObjectSummary[]; selected: GraphNode | undefined }) {
  const namespace = props.selected?.namespace ?? 'default';
  const gateway = props.selected?.category === 'gateway' && !props.selected.ghost ? props.selected : undefined;
  // One tab stop for the row; Left/Right move between the kinds.
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useRovingToolbar(ref);
  return (
    <div className="palette" data-testid="palette" role="toolbar" aria-label="Add objects" ref={ref} onKeyDown={onKeyDown}>
      <span className="palette-title">Add</span>
      {PALETTE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="palette-button"
          data-testid={`palette-add-${kind.toLowerCase()}`}
          title={kind === 'GatewayClass' || kind === 'Namespace' ? `Add a ${kind}` : `Add a ${kind} in namespace ${namespace}`}
          onClick={() => applyCanvasIntents([{ type: 'addObject', body: buildObjectTemplate(kind, props.objects, namespace) }])}
        >
          + {LABEL[kind]}
        </button>
      ))}
      <button
        type="button"
        className="palette-button"
        data-testid="palette-add-listener"
        disabled={!gateway}
        title={gateway ? `Add a listener to ${gateway.name}` : 'Select a Gateway to add a listener to it'}
        onClick={() => {
          if (!gateway || gateway.details.category !== 'gateway') return;
          applyCanvasIntents([
            { type: 'addListener', gateway: gateway.id, index: gateway.details.listeners.length, listener: buildListenerTemplate(gateway.details.listeners) },
          ]);
        }}
      >
        + listener
      </button>
    </div>
  );
}
