import { ActionIcon, Box, Menu, Tooltip, useComputedColorScheme } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts/core';
import type { ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { registerChartParts } from '@shared/charts/parts';
import { renderSvg } from '@shared/charts/svg';
import { downloadText } from '../export/download';

registerChartParts();
// `echarts.use` registers parts; it is no React hook (the name only looks like one).
echarts.use([CanvasRenderer]);

export interface EChartProps {
  option: EChartsOption;
  /** What the chart shows, for its export file names and screen readers. */
  title: string;
  height?: number;
  /** A chart element that names its deals was clicked: the deals table should open on them. */
  onDrill?: (cell: string, label: string) => void;
  testId?: string;
}

/** The option's aria description (every builder writes one). */
const describe = (option: EChartsOption): string =>
  ((option.aria as { label?: { description?: string } } | undefined)?.label?.description ?? '').trim();

const fileName = (title: string, ext: string) => `${title.replace(/[\\/:*?"<>|\s]+/g, '-')}.${ext}`;

/**
 * One ECharts chart on canvas (tree-shaken `echarts/core`), drawn from an option that a
 * builder in src/shared/charts made, so it matches the SVG the deck renders. Clicking an
 * element with a drill cell opens its deals; the menu exports PNG (the canvas at twice
 * the resolution, for slides) or SVG (the same option rendered as vectors).
 */
export function EChart({ option, title, height = 360, onDrill, testId }: EChartProps) {
  const { t } = useTranslation();
  const scheme = useComputedColorScheme('light');
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const drill = useRef(onDrill);
  useEffect(() => {
    drill.current = onDrill;
  }, [onDrill]);

  useEffect(() => {
    const el = host.current!;
    const instance = echarts.init(el, scheme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const cell = (p.data as { drill?: unknown } | null)?.drill;
      if (typeof cell === 'string') drill.current?.(cell, String(p.name ?? ''));
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [scheme]);

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true });
    // Drawn (setOption renders synchronously): the view-switch bench waits for this mark.
    host.current?.setAttribute('data-chart-ready', 'true');
  }, [option, scheme]);

  const exportPng = () => {
    const url = chart.current?.getDataURL({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: scheme === 'dark' ? '#1a1b1e' : '#ffffff',
    });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(title, 'png');
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  };
  const exportSvg = () => {
    const el = host.current!;
    downloadText(
      fileName(title, 'svg'),
      renderSvg(option, el.clientWidth || 960, height, scheme === 'dark'),
      'image/svg+xml',
    );
  };

  return (
    <Box pos="relative" data-testid={testId}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label={t('charts.export')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              pos="absolute"
              top={0}
              right={0}
              style={{ zIndex: 2 }}
              aria-label={t('charts.exportNamed', { title })}
              data-testid={testId ? `${testId}-export` : undefined}
            >
              <IconDownload size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={exportPng}>{t('charts.png')}</Menu.Item>
          <Menu.Item onClick={exportSvg}>{t('charts.svg')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <div
        ref={host}
        role="img"
        aria-label={`${title}. ${describe(option)}`}
        style={{ height, width: '100%' }}
      />
    </Box>
  );
}
