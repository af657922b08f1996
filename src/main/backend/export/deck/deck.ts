import { basename, extname } from 'node:path';
import { DECK_MIME, type DeckFile, type DeckScope } from '@shared/contract';
import type { BackendContext } from '../../context';
import { analyticsSettings } from '../../analytics/handlers';
import { readQuotas } from '../../forecast/quotas';
import { readCompany } from '../../workspace/company';
import { readPreferences } from '../../workspace/info';
import { readSetting, workspaceNow } from '../../workspace/settings';
import { buildDeck } from './build';
import { gatherDeck } from './gather';
import { deckLogo } from './logo';

/**
 * The quarterly deck of one scope as a file: the language asked for, else the one last
 * chosen in the app, else English; the company's name and logo from the workspace's
 * settings (without a name, the workspace file's name stands for it; without a logo, none).
 */
export async function exportDeck(
  { ws, analytics }: Pick<BackendContext, 'ws' | 'analytics'>,
  scope: DeckScope,
): Promise<DeckFile> {
  const lang = scope.lang ?? readPreferences(ws).language ?? 'en';
  const currency = readSetting(ws, 'workspace.currency', '');
  const data = gatherDeck(
    analytics.current(),
    scope,
    workspaceNow(ws),
    readQuotas(ws, null),
    currency,
    analyticsSettings(ws).benchmarks,
  );
  const settings = readCompany(ws);
  const company =
    settings.name ?? (ws.path === ':memory:' ? 'Funnel Workbench' : basename(ws.path, extname(ws.path)));
  const { bytes, slides } = await buildDeck(data, lang, {
    company,
    isDemo: readSetting(ws, 'workspace.isDemo', false),
    logo: deckLogo(settings.logo),
  });
  const parts = [scope.team, scope.owner]
    .filter((p): p is string => Boolean(p))
    .map((p) => p.replace(/[^\p{L}\p{N}_-]+/gu, '_'));
  return {
    fileName: `forecast-${scope.quarter}${parts.length ? `-${parts.join('-')}` : ''}.pptx`,
    mime: DECK_MIME,
    base64: bytes.toString('base64'),
    slides,
  };
}
