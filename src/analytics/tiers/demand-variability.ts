/**
 * The one definition of demand variability, shared by the customer features (`demand_cv`, XYZ)
 * and the demand streams of safety stock: monthly demand is units net of returns by order-date
 * month over every month of the window (months without demand count as 0); its spread is the
 * *sample* standard deviation (n − 1).
 *
 * Why the sample form: the months seen are a sample of a demand process whose spread safety
 * stock must predict, and σ² with n − 1 is the unbiased estimate of that process's variance.
 * Over 12 months the population form would understate σ by √(11/12), about 4%, and with it the
 * safety stock. It is also what spreadsheets (STDEV.S) and pandas (`std()`) compute by default.
 */

export interface MonthlySpread {
  /** Mean demand per month over the window. */
  readonly mean: number;
  /** Sample standard deviation (n − 1) of the monthly demand; NaN with fewer than 2 months. */
  readonly sd: number;
}

/** Mean and sample standard deviation of `months` monthly values starting at `offset` of `monthly`. */
export function monthlySpread(monthly: ArrayLike<number>, offset: number, months: number): MonthlySpread {
  let sum = 0;
  for (let m = 0; m < months; m++) sum += monthly[offset + m];
  const mean = sum / months;
  let ss = 0;
  for (let m = 0; m < months; m++) ss += (monthly[offset + m] - mean) ** 2;
  return { mean, sd: months >= 2 ? Math.sqrt(ss / (months - 1)) : NaN };
}

/** Coefficient of variation σ / μ; NaN unless the mean demand is positive. */
export function demandCv({ mean, sd }: MonthlySpread): number {
  return mean > 0 ? sd / mean : NaN;
}
