import type { GatewayModel, ResolvedRoute, RouteAttachment } from '../types';
import type { RouteTable } from './types';

export function compileRouteTable(
  _gateways: readonly GatewayModel[],
  _routes: readonly ResolvedRoute[],
  _attachments: readonly RouteAttachment[],
): RouteTable {
  return { listeners: [] };
}
