import { dueOccurrences, type CalibrationEvent, type PlanSchedule } from './calibration-schedule';

/**
 * The on-time calibration rate: of the calibrations that fell due in a month, the share done on or
 * before their due date — the figure auditors ask for. A due date passed without a calibration
 * counts as late in its month; one still ahead does not count yet. Pure.
 */

export interface MonthRate {
  /** 'YYYY-MM'. */
  month: string;
  due: number;
  onTime: number;
  /** onTime / due, or null for a month with nothing due. */
  rate: number | null;
}

/** The `count` months up to and including the month of `today`, oldest first. */
export function lastMonths(today: string, count: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

export interface PlanWithCalibrations {
  plan: PlanSchedule;
  calibrations: readonly CalibrationEvent[];
}

/** Month by month over the last `months` months (12 by default), and over the whole period. */
export function onTimeRate(plans: readonly PlanWithCalibrations[], today: string, months = 12): { months: MonthRate[]; overall: MonthRate } {
  const window = lastMonths(today, months);
  const counts = new Map(window.map((month) => [month, { due: 0, onTime: 0 }]));
  for (const { plan, calibrations } of plans) {
    for (const occurrence of dueOccurrences(plan, calibrations, today)) {
      if (occurrence.dueDate > today && !occurrence.metBy) continue;
      const bucket = counts.get(occurrence.dueDate.slice(0, 7));
      if (!bucket) continue;
      bucket.due += 1;
      if (occurrence.isOnTime) bucket.onTime += 1;
    }
  }
  const rows = window.map((month) => {
    const { due, onTime } = counts.get(month) ?? { due: 0, onTime: 0 };
    return { month, due, onTime, rate: due > 0 ? onTime / due : null };
  });
  const due = rows.reduce((n, r) => n + r.due, 0);
  const onTime = rows.reduce((n, r) => n + r.onTime, 0);
  return { months: rows, overall: { month: `${window[0]}..${window.at(-1)}`, due, onTime, rate: due > 0 ? onTime / due : null } };
}
