/**
 * English texts of the Forecast view's Horizons tab (the `horizons` section of en.ts): the
 * rep's three months, the manager's year and the director's three years, with the
 * assumptions behind them. The assumptions' names, derivations and fallbacks come from the
 * backend's catalog (src/shared/messages/horizons.ts), not from here.
 */
export const horizonsEn = {
  tab: 'Horizons',
  intro:
    'The won amount forecast from {{asOf}} on: what is won already, what the open pipeline is expected to bring and what pipeline still to be created is expected to bring, with the range 8 of 10 simulated outcomes fall in.',
  choose: 'Horizon',
  horizons: {
    quarter: '3 months',
    year: '1 year',
    threeYears: '3 years',
  },
  audience: {
    quarter: 'the rep’s plan',
    year: 'the manager’s plan',
    threeYears: 'the director’s plan',
  },
  granularity: {
    month: 'by month',
    quarter: 'by quarter',
  },
  computing: 'Forecasting…',
  recomputing: 'Recomputing with your edits…',
  empty: {
    title: 'No history in this scope',
    body: 'No deal of this scope was created before {{asOf}}, so the history cannot say how much it creates and wins. Set the assumptions below by hand (new deals per month, their win rate and the deal size) to plan from them.',
  },
  headline: {
    expected: 'Expected, {{horizon}}',
    expectedNote: '{{from}} – {{to}}, {{granularity}}',
    range: 'Likely range (P10–P90)',
    rangeValue: '{{p10}} – {{p90}}',
    rangeNote: 'P50 {{p50}} · {{runs}} simulated runs',
    won: 'Won so far',
    wonNote: 'Already won in the first period',
    open: 'From the open pipeline',
    openNote: 'Deals open now, at their stage’s win rate, slipping as deals have slipped',
    fresh: 'From new pipeline',
    freshNote: 'Deals still to be created, at the rates below',
  },
  chart: {
    title: '{{horizon}} ahead: expected won amount per period with its range',
  },
  table: {
    label: 'Forecast per period',
    period: 'Period',
    expected: 'Expected',
    range: 'Range (P10–P90)',
    rangeCell: '{{p10}} – {{p90}}',
    won: 'Won so far',
    open: 'Open pipeline',
    fresh: 'New pipeline',
    total: 'Total',
  },
  history: {
    depth_one:
      'Read from the history since {{first}}: rates over the last {{months}} months, trends over {{count}} complete quarter.',
    depth_other:
      'Read from the history since {{first}}: rates over the last {{months}} months, trends over {{count}} complete quarters.',
    none: 'This scope has no deal created before as-of.',
  },
  assumptions: {
    title: 'Assumptions',
    intro:
      'Every figure above rests on these values, each read from this scope’s history. Change one to see what the forecast says then: Apply recomputes with your edits for now; Save keeps them for {{scope}} (the organisation, each team and each rep keep their own).',
    label: 'Assumptions of the forecast',
    name: 'Assumption',
    value: 'Value used',
    how: 'How it was read',
    stageName: '{{name}}: {{stage}}',
    fieldLabel: '{{name}} ({{unit}})',
    history: 'History: {{value}}',
    saved: 'Saved for this scope',
    whatIf: 'What-if (not saved)',
    edited: 'Edited, not applied yet',
    fallback: 'Fallback used',
    useHistory: 'Use the history’s value',
    useHistoryOf: 'Use the history’s value for {{name}}',
    apply: 'Apply',
    applyHint: 'Recompute the forecast with your edits (nothing is saved).',
    discard: 'Discard edits',
    save: 'Save for this scope',
    reset: 'Reset to history',
    pending_one: '{{count, number}} edit not applied yet',
    pending_other: '{{count, number}} edits not applied yet',
    applied_one: 'The forecast uses {{count, number}} what-if value',
    applied_other: 'The forecast uses {{count, number}} what-if values',
    savedCount_one: '{{count, number}} value saved for {{scope}}',
    savedCount_other: '{{count, number}} values saved for {{scope}}',
    noEdits: 'No edits',
    invalid: 'Some values cannot be used: see the fields marked in red.',
    savedNotice_one: '{{count, number}} assumption saved for {{scope}}.',
    savedNotice_other: '{{count, number}} assumptions saved for {{scope}}.',
    backToHistory: '{{name}} is back to the history’s value ({{value}}).',
    resetNotice: 'Every assumption of {{scope}} is back to the history’s value.',
    saveError: 'The assumptions were not saved: {{message}}',
    resetError: 'The assumptions were not reset: {{message}}',
    applyError: 'The forecast could not use these values: {{message}}',
    resetTitle: 'Reset the assumptions to the history?',
    resetBody_one:
      'The {{count, number}} value saved for {{scope}} will be removed, and the forecast will use what the history says again. Your unsaved edits are dropped too.',
    resetBody_other:
      'The {{count, number}} values saved for {{scope}} will be removed, and the forecast will use what the history says again. Your unsaved edits are dropped too.',
    resetConfirm: 'Reset to history',
    cancel: 'Cancel',
    errors: {
      required: 'Enter a value.',
      range: 'Enter a value from {{min}} to {{max}} ({{unit}}).',
    },
    units: {
      share: '%',
      dealsPerMonth: 'deals a month',
      money: 'amount',
      days: 'days',
      growthPerQuarter: '% a quarter',
      pointsPerQuarter: 'points a quarter',
    },
    unitsShort: {
      share: '%',
      dealsPerMonth: '/ month',
      days: 'days',
      growthPerQuarter: '% / qtr',
      pointsPerQuarter: 'pts / qtr',
    },
    values: {
      dealsPerMonth: '{{value}} a month',
      days: '{{value}} days',
      growthPerQuarter: '{{value}} a quarter',
      pointsPerQuarter: '{{value}} points a quarter',
    },
  },
  scope: {
    organisation: 'the whole organisation',
    team: 'team {{team}}',
    rep: '{{owner}} ({{team}})',
    repAnyTeam: '{{owner}}',
  },
};
