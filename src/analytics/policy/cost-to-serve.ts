/**
 * Activity-based cost-to-serve of one customer from its driver volumes: every component of the
 * activity model, including those order lines cannot carry (expedites, payment terms, service
 * hours). Used to state what a policy changes in cost, and to check the feature builder against
 * a full worked example.
 */

/** Driver volumes of one customer over the window. */
export interface CtsDrivers {
  /** Orders placed. */
  readonly orders: number;
  /** Order lines picked. */
  readonly lines: number;
  /** Freight paid, currency (actual plus imputed). */
  readonly freight: number;
  /** Return lines handled. Default 0. */
  readonly returnLines?: number;
  /** Special-service events (expedites, labels, timed deliveries). Default 0. */
  readonly expedites?: number;
  /** Net revenue, currency (for the credit cost and CTS %). */
  readonly revenue: number;
  /** Days sales outstanding (payment terms actually taken), days. Default 0. */
  readonly dso?: number;
  /** Sales and customer-service hours. Default 0. */
  readonly serviceHours?: number;
}

/** Activity rates, currency per driver unit. */
export interface CtsRates {
  readonly order: number;
  readonly line: number;
  readonly returnLine: number;
  /** Per special-service event. Default 0. */
  readonly expedite?: number;
  /** Per service hour. Default 0. */
  readonly serviceHour?: number;
  /** Annual cost of capital for receivables, fraction. Default 0. */
  readonly capitalRate?: number;
}

export interface CtsBreakdown {
  readonly orderHandling: number;
  readonly pickPack: number;
  readonly freight: number;
  readonly returns: number;
  readonly specialServices: number;
  /** Revenue / 365 × DSO × cost of capital (revenue-based, no variable-cost ratio). */
  readonly credit: number;
  readonly service: number;
  /** Sum of the components. */
  readonly total: number;
  /** total / orders (NaN without orders). */
  readonly perOrder: number;
  /** total / revenue as a fraction (NaN without revenue). */
  readonly share: number;
}

/** Cost-to-serve components of one customer. */
export function costToServe(d: CtsDrivers, r: CtsRates): CtsBreakdown {
  const orderHandling = d.orders * r.order;
  const pickPack = d.lines * r.line;
  const returns = (d.returnLines ?? 0) * r.returnLine;
  const specialServices = (d.expedites ?? 0) * (r.expedite ?? 0);
  const credit = (d.revenue / 365) * (d.dso ?? 0) * (r.capitalRate ?? 0);
  const service = (d.serviceHours ?? 0) * (r.serviceHour ?? 0);
  const total = orderHandling + pickPack + d.freight + returns + specialServices + credit + service;
  return {
    orderHandling,
    pickPack,
    freight: d.freight,
    returns,
    specialServices,
    credit,
    service,
    total,
    perOrder: d.orders > 0 ? total / d.orders : NaN,
    share: d.revenue !== 0 ? total / d.revenue : NaN,
  };
}
