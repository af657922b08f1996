import type { Transport } from './api/transport';

declare global {
  interface Window {
    /** The desktop preload's bridge; absent in browser mode. */
    funnel?: Transport;
  }
}
