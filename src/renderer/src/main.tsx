import '@mantine/core/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultTransport } from './api/transport';
import { App } from './App';

/** The nonce the server injected; the literal placeholder means nobody did (dev, tests). */
function readStyleNonce(): string | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return content && content !== '%CSP_NONCE%' ? content : undefined;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App transport={defaultTransport()} styleNonce={readStyleNonce()} />
  </StrictMode>,
);
