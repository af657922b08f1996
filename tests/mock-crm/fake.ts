import type { FakeHttpServer } from './server';
import type { ExpectedDeal, ExpectedHistory, World } from './world';

/**
 * What every fake CRM offers a test: its world to script, its HTTP server (requests seen,
 * faults to inject), the token it accepts, and the rows a correct sync must store.
 */
export interface FakeCrm {
  readonly kind: 'hubspot' | 'salesforce' | 'pipedrive';
  readonly world: World;
  readonly http: FakeHttpServer;
  /** The credential the fake accepts (private-app token, access token, API token). */
  readonly token: string;
  /** The URL a connector is pointed at (`--url`). */
  readonly url: string;
  /** false: the CRM gives no field history (field history off, no permission). */
  historyEnabled: boolean;
  start(): Promise<string>;
  stop(): Promise<void>;
  /**
   * The canonical rows a correct sync stores for the world as it is now, with this CRM's
   * own rules (PRODUCT.md's table). `sweptAt`: when purged deals are found gone.
   */
  expected(options?: { sweptAt?: number }): { deals: ExpectedDeal[]; history: ExpectedHistory[] };
}
