import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  isAppUrl,
  isSafeExternalUrl,
  MAX_EXTERNAL_URL_LENGTH,
  audienceMeeting,
} from '../../../src/main/shell/security';

describe('audienceMeeting', () => {
  it('opens the audience view of a meeting on the app’s own origin', () => {
    expect(audienceMeeting('app://workbench/index.html#/review?view=audience&id=12')).toBe(12);
    expect(audienceMeeting('app://workbench/index.html#/review?id=7&view=audience')).toBe(7);
    expect(
      audienceMeeting('http://localhost:5173/#/review?view=audience&id=3', 'http://localhost:5173'),
    ).toBe(3);
  });

  it.each([
    'app://workbench/index.html#/review?view=run&id=12',
    'app://workbench/index.html#/review?view=audience',
    'app://workbench/index.html#/review?view=audience&id=0',
    'app://workbench/index.html#/review?view=audience&id=1e3',
    'app://workbench/index.html#/review?view=audience&id=99999999999999999',
    'app://workbench/index.html#/pipeline?view=audience&id=1',
    'app://workbench.evil/index.html#/review?view=audience&id=1',
    'https://evil.example/#/review?view=audience&id=1',
    'http://localhost:5173/#/review?view=audience&id=1',
    'javascript:alert(1)//#/review?view=audience&id=1',
    42,
  ])('refuses %s', (url) => {
    expect(audienceMeeting(url)).toBeNull();
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/',
    'https://www.hubspot.com/pricing?tab=sales#faq',
    'https://app.salesforce.com/lightning/r/Opportunity/006/view',
    'https://例子.测试/路径',
    'HTTPS://EXAMPLE.COM/',
    'https://example.com:8443/x',
    'mailto:someone@example.com',
    'mailto:a@example.com,b@example.com?subject=Review&body=Hello%0ASecond%20line',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    // other schemes: the OS hands them to whatever program claims them
    'http://example.com',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'file:///C:/Windows/System32/calc.exe',
    '\\\\attacker\\share\\evil.exe',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic /skip force',
    'search-ms:query=evil&crumb=location:\\\\attacker\\share',
    'vscode://file/etc/passwd',
    'ftp://example.com/file',
    'blob:https://example.com/uuid',
    'app://workbench/index.html',
    'chrome://settings',
    'about:blank',
    'ws://example.com',
    'wss://example.com',
    // credentials / host tricks
    'https://user:pass@example.com/',
    'https://bank.example.com@evil.example/',
    'https://@evil.example/',
    'https:evil.example',
    'https:/evil.example',
    'https:\\\\evil.example',
    'https://evil.example\\@good.example',
    'https://',
    'https:///path',
    // control, whitespace and bidi characters
    'https://example.com/\u0000',
    'https://example.com/\n',
    'https://example.com/\r\nSet-Cookie:x',
    'https://exa\tmple.com',
    'https://example.com/ a',
    'https://example.com/\u202egpj.exe',
    'https://example.com/\u200b',
    'https://example.com/\u007f',
    'https://example.com/\u0085',
    // mailto abuse
    'mailto:',
    'mailto:?subject=x',
    'mailto:someone@example.com?attach=/etc/passwd',
    'mailto:someone@example.com?Attach=C:\\secrets.txt',
    'mailto:someone@example.com%0Abcc:all@example.com',
    // malformed
    '',
    'not a url',
    '//example.com',
    'example.com',
    `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`,
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([
    undefined,
    null,
    42,
    {},
    ['https://example.com'],
    { toString: () => 'https://example.com' },
    new URL('https://example.com'),
  ])('refuses the non-string %j', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://workbench/assets/index.js')).toBe(true);
    expect(isAppUrl('app://workbench.evil/')).toBe(false);
    expect(isAppUrl('app://evil/')).toBe(false);
    expect(isAppUrl('app://user@workbench/')).toBe(false);
    expect(isAppUrl('https://workbench/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('accepts the dev server only when given, by origin', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173@evil.example/', dev)).toBe(false);
    expect(isAppUrl('data:text/html,hi', 'data:text/html,x')).toBe(false);
    expect(isAppUrl('https://evil.example/', dev)).toBe(false);
    expect(isAppUrl('app://workbench/index.html')).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  it('admits nonce-carrying style elements but no inline script', () => {
    const csp = contentSecurityPolicy('AAAAAAAAAAAAAAAAAAAAAA==');
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['style-src-elem']).toBe("'self' 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='");
    expect(directives['style-src-attr']).toBe("'unsafe-inline'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(directives['script-src']).not.toMatch(/unsafe-inline|nonce/);
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => contentSecurityPolicy("x'; script-src *")).toThrow();
    expect(() => contentSecurityPolicy('')).toThrow();
  });
});
