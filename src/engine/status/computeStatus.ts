import type { SourceLocator } from '../load/loadManifests';
import type { ResourceIndex } from '../resolve/indexResources';
import type {
  Diagnostic,
  GatewayModel,
  PolicyAttachment,
  ResolvedRoute,
  RouteAttachment,
  RouteParentExplain,
  StatusReport,
} from '../types';

export interface StatusResult {
  status: StatusReport;
  explain: RouteParentExplain[];
  gateways: GatewayModel[];
  routes: ResolvedRoute[];
  attachments: RouteAttachment[];
  policies: PolicyAttachment[];
  diagnostics: Diagnostic[];
}

export function computeStatus(
  _index: ResourceIndex,
  _locator: SourceLocator,
  _options: { clock: () => string },
): StatusResult {
  return { status: {}, explain: [], gateways: [], routes: [], attachments: [], policies: [], diagnostics: [] };
}
