/**
 * The forecast horizons (3 months, 1 year, 3 years): each assumption's name, how it was read
 * from the history (in data terms, with the counts behind it), what it falls back to when the
 * history is too short, and the notes a reader of the forecast must see. Stage names are not
 * written into these sentences: the assumption carries its stage key and the view names it
 * in the stage model's words.
 */
export const HORIZON_MESSAGES = {
  activity_assumptions: { en: 'saving forecast assumptions', zh: '保存预测假设' },
  horizons_stage_not_open: {
    en: 'Stage "{stage}" is not an open stage of the stage model (open stages: {keys}).',
    zh: '“{stage}”不是阶段模型中的进行中阶段（进行中阶段：{keys}）。',
  },

  // --- names -------------------------------------------------------------------------------
  horizons_name_stageWinRate: { en: 'Win rate from this stage', zh: '本阶段赢单率' },
  horizons_name_slipRate: { en: 'Slip rate per month', zh: '每月延期率' },
  horizons_name_creationRate: { en: 'New deals per month', zh: '每月新建商机数' },
  horizons_name_conversion: { en: 'Win rate of new deals', zh: '新商机赢单率' },
  horizons_name_meanWonSize: { en: 'Mean won deal size', zh: '平均赢单金额' },
  horizons_name_cycleDays: { en: 'Sales cycle (median days)', zh: '销售周期（中位天数）' },
  horizons_name_creationGrowth: { en: 'New-deal growth per quarter', zh: '新建商机季度增长率' },
  horizons_name_winRateTrend: { en: 'Win-rate trend per quarter', zh: '赢单率季度变化' },
  horizons_name_dealSizeTrend: { en: 'Deal-size trend per quarter', zh: '赢单金额季度变化' },

  // --- where a level was read --------------------------------------------------------------
  horizons_window_months: { en: 'the {months} months before as-of', zh: '基准日前 {months} 个月' },
  horizons_window_all: { en: 'the whole history before as-of', zh: '基准日前的全部历史' },

  // --- how each was derived ----------------------------------------------------------------
  horizons_derive_stageWinRate: {
    en: 'Won ÷ closed among the {closed} deals that reached this stage and closed in the 365 days before as-of ({won} won).',
    zh: '基准日前 365 天内到达本阶段并已结束的 {closed} 个商机中赢单 {won} 个：赢单数 ÷ 结束数。',
  },
  horizons_derive_slipRate: {
    en: '{slipped} of the {due} deals due in a month over the last {months} complete months (open at the month’s start, close date in it) were still open at its end. A slipped deal moves to the next month and may slip again.',
    zh: '最近 {months} 个完整月份里，月初仍在进行且预计成交日期在当月的 {due} 个商机中，月末仍未结束的有 {slipped} 个。延期的商机顺延到下个月，并可能再次延期。',
  },
  horizons_derive_creationRate: {
    en: '{created} deals created over {window}, per month ({months} months).',
    zh: '{window}共新建 {created} 个商机，按月平均（{months} 个月）。',
  },
  horizons_derive_conversion: {
    en: 'Of the {created} deals created over {window}, {won} are won so far; given their ages and the sales cycle, {expected} of them have had time to be won: {won} ÷ {expected}.',
    zh: '{window}新建的 {created} 个商机中已赢单 {won} 个；按其创建时长与销售周期，其中约 {expected} 个已有足够时间赢单：{won} ÷ {expected}。',
  },
  horizons_derive_meanWonSize: {
    en: 'Mean amount (at as-of) of the {won} deals won over {window}.',
    zh: '{window}赢单的 {won} 个商机的平均金额（按基准日金额）。',
  },
  horizons_derive_cycleDays: {
    en: 'Median days from creation to won of the {won} deals won over {window}; the spread of those cycles places each new deal’s win in time.',
    zh: '{window}赢单的 {won} 个商机从创建到赢单天数的中位数；这些周期的分布决定新商机在何时赢单。',
  },
  horizons_derive_creationGrowth: {
    en: 'Trend of the deals created per quarter over {quarters} complete quarters ({from} to {to}), fitted on a log scale; quarters scatter about ±{scatter}% around it.',
    zh: '{quarters} 个完整季度（{from} 至 {to}）每季度新建商机数的趋势（按对数拟合）；各季度围绕趋势的波动约 ±{scatter}%。',
  },
  horizons_derive_winRateTrend: {
    en: 'Trend of the win rate of each quarter’s new deals (won so far ÷ those that have had time to be won; younger quarters weigh less) over {quarters} complete quarters ({from} to {to}); quarters scatter about ±{scatter} points around it.',
    zh: '{quarters} 个完整季度（{from} 至 {to}）各季度新建商机赢单率的趋势（已赢单数 ÷ 已有足够时间赢单的商机数；越新的季度权重越小）；各季度围绕趋势的波动约 ±{scatter} 个百分点。',
  },
  horizons_derive_dealSizeTrend: {
    en: 'Trend of the mean won amount by quarter won over {quarters} complete quarters ({from} to {to}), fitted on a log scale and weighted by the number of wins; quarters scatter about ±{scatter}% around it.',
    zh: '{quarters} 个完整季度（{from} 至 {to}）按赢单季度计的平均赢单金额趋势（按对数拟合，以赢单数加权）；各季度围绕趋势的波动约 ±{scatter}%。',
  },

  // --- what a value falls back to ----------------------------------------------------------
  horizons_fallback_stage_probability: {
    en: 'Only {closed} deals that reached this stage closed in the 365 days before as-of ({needed} needed): the stage model’s probability.',
    zh: '基准日前 365 天内到达本阶段并已结束的商机仅 {closed} 个（至少需要 {needed} 个）：采用阶段模型中的赢率。',
  },
  horizons_fallback_slip_capped: {
    en: 'Every deal due slipped ({slipped} of {due}): held at {cap}% a month so that a deal can still close.',
    zh: '到期的商机全部延期（{due} 个中 {slipped} 个）：按每月 {cap}% 计，使商机仍有可能成交。',
  },
  horizons_fallback_nothing_due: {
    en: 'No deal was due in a month of the last {months} complete months: no slip is assumed.',
    zh: '最近 {months} 个完整月份中没有到期的商机：假设不延期。',
  },
  horizons_fallback_no_deals: {
    en: 'The scope has no deal created before as-of: 0.',
    zh: '此范围在基准日前没有新建商机：取 0。',
  },
  horizons_fallback_wins_all_history: {
    en: 'Only {recent} deals were won in the 365 days before as-of ({needed} wanted): all {won} wins before as-of are read.',
    zh: '基准日前 365 天内仅赢单 {recent} 个（希望至少 {needed} 个）：改用基准日前全部 {won} 个赢单。',
  },
  horizons_fallback_size_from_created: {
    en: 'No deal won before as-of: the mean amount of the {created} deals created over {window}.',
    zh: '基准日前没有赢单：采用{window}新建的 {created} 个商机的平均金额。',
  },
  horizons_fallback_cycle_dwell: {
    en: 'No deal won before as-of: the open stages’ dwell limits added up ({days} days), the same for every new deal.',
    zh: '基准日前没有赢单：采用各进行中阶段停留上限之和（{days} 天），所有新商机相同。',
  },
  horizons_fallback_cycle_default: {
    en: 'No deal won before as-of and no dwell limits in the stage model: {days} days, the same for every new deal.',
    zh: '基准日前没有赢单，阶段模型也没有停留上限：取 {days} 天，所有新商机相同。',
  },
  horizons_fallback_conversion_first_stage: {
    en: 'Too few new deals old enough to tell (none won yet, or all younger than the cycle): the first stage’s win rate ({rate}%).',
    zh: '已有足够时间赢单的新商机太少（尚无赢单，或都短于销售周期）：采用第一阶段的赢单率（{rate}%）。',
  },
  horizons_fallback_short_trend: {
    en: 'Not enough history: {quarters} of the {needed} complete quarters with data needed, so taken as 0 (flat).',
    zh: '历史不足：有数据的完整季度仅 {quarters} 个（至少需要 {needed} 个），因此取 0（持平）。',
  },
  horizons_fallback_trend_noise: {
    en: 'The history’s trend ({value}% a quarter) is within its own noise (±{margin}%): taken as 0 (flat). The band still carries that doubt.',
    zh: '历史趋势（每季度 {value}%）在其自身波动范围内（±{margin}%）：取 0（持平）。区间仍包含这一不确定性。',
  },
  horizons_fallback_trend_noise_points: {
    en: 'The history’s trend ({value} points a quarter) is within its own noise (±{margin} points): taken as 0 (flat). The band still carries that doubt.',
    zh: '历史趋势（每季度 {value} 个百分点）在其自身波动范围内（±{margin} 个百分点）：取 0（持平）。区间仍包含这一不确定性。',
  },
  horizons_fallback_clamped: {
    en: 'The history’s trend ({value}% a quarter) is beyond what the forecast accepts: held at {bound}%.',
    zh: '历史趋势（每季度 {value}%）超出预测可接受的范围：按 {bound}% 计。',
  },
  horizons_fallback_clamped_points: {
    en: 'The history’s trend ({value} points a quarter) is beyond what the forecast accepts: held at {bound} points.',
    zh: '历史趋势（每季度 {value} 个百分点）超出预测可接受的范围：按 {bound} 个百分点计。',
  },

  // --- how a band is drawn -----------------------------------------------------------------
  horizons_band_months: {
    en: 'The band is the 10th to 90th percentile of {runs} simulated runs: in each, every open deal is won with its stage’s win rate and closes in its due month or slips; new deals are won month by month by chance (a Poisson count) with sizes drawn from past wins, under creation rate, win rate and size drawn from how surely the history knows them.',
    zh: '区间为 {runs} 次模拟结果的第 10 至第 90 百分位：每次模拟中，每个在途商机按其阶段赢单率赢单，在到期月成交或延期；新商机按月随机赢单（泊松计数），金额取自以往赢单，新建速度、赢单率和金额按历史数据的确定程度随机取值。',
  },
  horizons_band_run_rate: {
    en: 'The band is the 10th to 90th percentile of {runs} simulated runs: the open deals as in the shorter horizons; the run rate’s three trend lines drawn from how uncertain their fit to the history is, so the band widens the further a quarter is from the history, and each quarter scattered around its trend as much as past quarters did.',
    zh: '区间为 {runs} 次模拟结果的第 10 至第 90 百分位：在途商机与较短期限相同；运行速率的三条趋势线按其拟合历史的不确定性随机取值，因此季度离历史越远区间越宽；每个季度再按过去各季度围绕趋势的波动程度随机偏离。',
  },

  // --- what the reader must know -----------------------------------------------------------
  horizons_note_short_history: {
    en: 'Not enough history for the three-year trends: {quarters} of the {needed} complete quarters needed. Creation growth, win-rate trend and deal-size trend are 0 (flat), and the three-year band shows chance alone (from the counts), not the history’s scatter.',
    zh: '历史不足以读出三年趋势：完整季度仅 {quarters} 个，至少需要 {needed} 个。新建商机增长、赢单率变化与赢单金额变化均取 0（持平），三年区间只反映随机波动（按数量估算），而非历史波动。',
  },
  horizons_note_short_window: {
    en: 'The scope’s history covers {months} months: the rates are read over those months instead of 12.',
    zh: '此范围的历史仅 {months} 个月：各项比率按这段时间计算，而非 12 个月。',
  },
  horizons_note_saved_stage_gone: {
    en: 'The win rate saved for stage "{stage}" is not used: it is no longer an open stage.',
    zh: '为阶段“{stage}”保存的赢单率未被采用：它已不是进行中阶段。',
  },
} as const;
