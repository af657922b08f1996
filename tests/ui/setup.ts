import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { closeWorkbenches } from './support/workbench';

/**
 * jsdom lacks layout. The app needs: matchMedia (Mantine, prefers-color-scheme),
 * ResizeObserver (Mantine, the virtualiser), element scrolling, and a size for the deals
 * table's scroll container (the virtualiser renders only the rows that fit in it).
 */
// The production console must stay clean (no key warnings, act() leaks, missing i18n
// keys): any console.error/warn during a test fails it.
let consoleProblems: string[] = [];
beforeEach(() => {
  consoleProblems = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleProblems.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(async () => {
  cleanup();
  await closeWorkbenches();
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('lang');
  if (consoleProblems.length) throw new Error(consoleProblems.join('\n'));
});

Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.defineProperty(window, 'ResizeObserver', {
  configurable: true,
  writable: true,
  value: ResizeObserverStub,
});

/** The deals table viewport: 800px high, so ~18 rows of 44px are "on screen". */
export const VIEWPORT = { width: 1400, height: 800 };
const isScroller = (el: Element) => el.getAttribute('data-testid') === 'deals-table-scroll';
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return isScroller(this) ? VIEWPORT.height : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: HTMLElement) {
    return isScroller(this) ? VIEWPORT.width : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return isScroller(this) ? VIEWPORT.height : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
  configurable: true,
  get(this: HTMLElement) {
    return isScroller(this) ? VIEWPORT.width : 0;
  },
});

// Element scrolling: move scrollTop and tell listeners, as a browser would.
Element.prototype.scrollTo = function scrollTo(this: Element, arg?: ScrollToOptions | number, y?: number) {
  const top = typeof arg === 'number' ? y : arg?.top;
  if (typeof top === 'number') {
    this.scrollTop = top;
    this.dispatchEvent(new Event('scroll'));
  }
} as Element['scrollTo'];
Element.prototype.scrollIntoView = function scrollIntoView() {};
window.scrollTo = (() => undefined) as typeof window.scrollTo;

// Blob downloads in the export menu.
if (!URL.createObjectURL) URL.createObjectURL = () => 'blob:test';
if (!URL.revokeObjectURL) URL.revokeObjectURL = () => undefined;

// Mantine's autosizing Textarea listens for web-font loads.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: {
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      ready: Promise.resolve(),
    },
  });
}

// jsdom's Blob has no text(); the import dialog reads picked files with it.
if (!Blob.prototype.text) {
  Blob.prototype.text = function text(this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}
