import type { Observable } from 'rxjs';
import type { HostEvents } from '../../src-shared/bridge/contract';
import type { CommandBatches, CommandHandlers, HostServices, QueryHandlers } from './handler-types';

/** Pushes an event to every connected UI (e.g. sync status, a new notification count). */
export type BroadcastEvent = <K extends keyof HostEvents>(name: K, payload: HostEvents[K]) => void;

export interface FeatureRuntime {
  /** Stops timers, subscriptions and connections; called once when the host closes. */
  dispose(): Promise<void> | void;
  /**
   * For background work (scheduler, outbox): does what is due now and resolves once nothing is
   * left, true when there was nothing to do. Host.whenIdle() waits on these instead of a sleep.
   */
  settle?(): Promise<boolean>;
}

/**
 * A feature's part of the host: its command and live-query handlers, and optionally background
 * work (scheduler rules, sync) started after the database is open. Listed in features.ts.
 */
export interface HostFeature {
  name: string;
  commands?: Partial<CommandHandlers>;
  /** Batch forms of some of its commands, used when calls pile up in the write queue (handler-types.ts). */
  batches?: Partial<CommandBatches>;
  queries?: Partial<QueryHandlers>;
  start?(services: HostServices, broadcast: BroadcastEvent): Promise<FeatureRuntime> | FeatureRuntime;
}

export type { Observable };
