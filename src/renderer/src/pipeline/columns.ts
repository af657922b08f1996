import type { DealSortColumn } from '@shared/contract';
import type { en } from '../i18n/en';

export type ColumnId = keyof typeof en.columns;

export interface Column {
  id: ColumnId;
  /** The database sort column; absent when the column cannot be sorted. */
  sort?: DealSortColumn;
  /** Share of the table width (table-layout: fixed keeps columns still while scrolling). */
  width: string;
  align?: 'right';
}

export const COLUMNS: readonly Column[] = [
  { id: 'name', sort: 'name', width: '13%' },
  { id: 'account', sort: 'account', width: '10%' },
  { id: 'owner', sort: 'owner', width: '8%' },
  { id: 'team', sort: 'team', width: '7%' },
  { id: 'amount', sort: 'amount', width: '9%', align: 'right' },
  { id: 'stage', sort: 'stage', width: '10%' },
  { id: 'closeDate', sort: 'closeDate', width: '8%' },
  { id: 'daysInStage', sort: 'daysInStage', width: '9%' },
  { id: 'forecastCategory', width: '7%' },
  { id: 'flags', width: '10%' },
  { id: 'plan', width: '9%' },
];
