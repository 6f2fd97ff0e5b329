import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import type { reportChannels } from '../shared/reportContract';

type ReportChannel = keyof typeof reportChannels;

/** Handlers of the report and outgoing-register (reports/*, register/*) channels. */
export function createReportHandlers(ctx: ServiceContext): { [C in ReportChannel]: Handler<C> } {
  void ctx;
  return {};
}
