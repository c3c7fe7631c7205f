import { describe, expect, it } from 'vitest';
import { axisTicks, axisTop, chartFormats, dateTickIndexes, linePath } from '../../src/browser/staff/chart-scale.ts';

describe('the y axis', () => {
  it('tops out at the round number at or above the largest value of either period', () => {
    expect(axisTop([3, null, 37], 'count')).toBe(40);
    expect(axisTop([12, 7], 'count')).toBe(15);
    expect(axisTop([1000], 'count')).toBe(1000);
    expect(axisTop([0.21, null], 'share')).toBe(0.3);
    expect(axisTop([0.37], 'share')).toBe(0.4);
    expect(axisTop([0.004], 'share')).toBe(0.004);
  });

  it('never tops a share above 100%, and gives an empty chart a top of 1', () => {
    expect(axisTop([0.95], 'share')).toBe(1);
    expect(axisTop([1], 'share')).toBe(1);
    expect(axisTop([null, null], 'share')).toBe(1);
    expect(axisTop([0, 0], 'count')).toBe(1);
  });

  it('marks 0, the top and the middle, but no half reader', () => {
    expect(axisTicks(40, 'count')).toEqual([0, 20, 40]);
    expect(axisTicks(15, 'count')).toEqual([0, 15]);
    expect(axisTicks(1, 'count')).toEqual([0, 1]);
    expect(axisTicks(0.3, 'share')).toEqual([0, 0.15, 0.3]);
  });
});

describe('dates under the x axis', () => {
  it('dates the first and the last day and a few evenly between', () => {
    expect(dateTickIndexes(30)).toEqual([0, 15, 29]);
    expect(dateTickIndexes(7)).toEqual([0, 3, 6]);
    expect(dateTickIndexes(30, 4)).toEqual([0, 10, 19, 29]);
  });

  it('dates every day of a short period', () => {
    expect(dateTickIndexes(3)).toEqual([0, 1, 2]);
    expect(dateTickIndexes(2)).toEqual([0, 1]);
    expect(dateTickIndexes(1)).toEqual([0]);
    expect(dateTickIndexes(0)).toEqual([]);
  });

  it('reads as short dates of the UTC day in the staff member’s language', () => {
    expect(chartFormats('ko', 'count').day('2026-11-03')).toBe('11월 3일');
    expect(chartFormats('en', 'count').day('2026-11-03')).toBe('Nov 3');
    expect(chartFormats('en', 'count').days('2026-10-27', '2026-11-02')).toBe('Oct 27\u2009–\u2009Nov 2, 2026');
    expect(chartFormats('ko', 'count').days('2026-11-03', '2026-11-09')).toBe('2026년 11월 3일~9일');
  });
});

describe('values', () => {
  it('shows shares as percent and counts as grouped numbers', () => {
    expect(chartFormats('en', 'share').value(0.375)).toBe('37.5%');
    expect(chartFormats('ko', 'share').value(1)).toBe('100%');
    expect(chartFormats('en', 'count').value(12345)).toBe('12,345');
  });

  it('sums up a series as its lowest to highest value, or nothing when no day has one', () => {
    const { range } = chartFormats('en', 'share');
    expect(range([0.5, null, 0.25, 1])).toBe('25%–100%');
    expect(range([0.5, 0.5])).toBe('50%');
    expect(range([null, null])).toBeNull();
  });
});

describe('the line', () => {
  const at = (x: number, y: number) => ({ x, y });

  it('runs through consecutive days', () => {
    expect(linePath([at(0, 10), at(5, 20), at(10, 15)])).toBe('M0 10L5 20L10 15');
  });

  it('breaks at a day without a value and shows a lone day as a dot', () => {
    expect(linePath([at(0, 10), at(5, 20), null, at(15, 5), null, at(25, 1), at(30, 2)])).toBe(
      'M0 10L5 20M15 5h0M25 1L30 2',
    );
    expect(linePath([null, null])).toBe('');
  });

  it('keeps one decimal', () => {
    expect(linePath([at(1 / 3, 2 / 3), at(10.06, 0)])).toBe('M0.3 0.7L10.1 0');
  });
});
