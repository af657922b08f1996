import { describe, expect, it } from 'vitest';
import { forecastError, forecastSpread } from '@shared/domain/forecast-error';

describe('forecast error measures', () => {
  it('MAPE is the mean of |F − A| / A and bias the mean of (F − A) / A, by hand', () => {
    // Errors: +10% (110 vs 100), −25% (150 vs 200), +50% (60 vs 40).
    const r = forecastError([
      { forecast: 110, actual: 100 },
      { forecast: 150, actual: 200 },
      { forecast: 60, actual: 40 },
    ]);
    expect(r.n).toBe(3);
    expect(r.mape).toBeCloseTo((0.1 + 0.25 + 0.5) / 3, 12);
    expect(r.bias).toBeCloseTo((0.1 - 0.25 + 0.5) / 3, 12);
  });

  it('leaves out points without an actual above zero or without a forecast, and says null over none', () => {
    const r = forecastError([
      { forecast: 90, actual: 100 },
      { forecast: 50, actual: 0 },
      { forecast: 50, actual: -10 },
      { forecast: null, actual: 100 },
    ]);
    expect(r).toEqual({
      mape: expect.closeTo(0.1, 12) as number,
      bias: expect.closeTo(-0.1, 12) as number,
      n: 1,
    });
    expect(forecastError([{ forecast: 1, actual: 0 }])).toEqual({ mape: null, bias: null, n: 0 });
    expect(forecastError([])).toEqual({ mape: null, bias: null, n: 0 });
  });

  it('an exact forecast has no error; one that always says double has MAPE = bias = 100%', () => {
    expect(forecastError([{ forecast: 7, actual: 7 }])).toEqual({ mape: 0, bias: 0, n: 1 });
    const r = forecastError([
      { forecast: 20, actual: 10 },
      { forecast: 600, actual: 300 },
    ]);
    expect([r.mape, r.bias]).toEqual([1, 1]);
    // Half, always: 50% off, all of it below.
    const low = forecastError([
      { forecast: 5, actual: 10 },
      { forecast: 150, actual: 300 },
    ]);
    expect([low.mape, low.bias]).toEqual([0.5, -0.5]);
  });

  it('the spread is highest − lowest of the forecasts present', () => {
    expect(forecastSpread([120, null, 80, 100])).toBe(40);
    expect(forecastSpread([5])).toBe(0);
    expect(forecastSpread([null, null])).toBeNull();
  });
});
