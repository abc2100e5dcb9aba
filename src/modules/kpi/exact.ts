/**
 * Exact rational numbers for the KPI figures (kpi.md: "rounding happens once, at output"). Sums of
 * money arrive from PostgreSQL as exact decimal text; growth, shares, prorated plans and medians are
 * fractions of them, rounded only when the report is written.
 */
export class Exact {
  private constructor(
    readonly num: bigint,
    /** always > 0 */
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Exact(0n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Exact {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return new Exact(n / g, d / g);
  }

  /** A decimal as PostgreSQL writes numeric: "-123.4500", "7", "1e3" is not accepted. */
  static decimal(text: string | null | undefined): Exact {
    if (text === null || text === undefined || text === '') return Exact.ZERO;
    const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
    if (!m) throw new RangeError(`not a decimal: ${text}`);
    const fraction = m[3] ?? '';
    const digits = BigInt(`${m[2] || '0'}${fraction}` || '0');
    return Exact.of(m[1] ? -digits : digits, 10n ** BigInt(fraction.length));
  }

  add(o: Exact): Exact {
    return Exact.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Exact): Exact {
    return Exact.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Exact): Exact {
    return Exact.of(this.num * o.num, this.den * o.den);
  }
  div(o: Exact): Exact {
    return Exact.of(this.num * o.den, this.den * o.num);
  }
  abs(): Exact {
    return this.num < 0n ? Exact.of(-this.num, this.den) : this;
  }
  isZero(): boolean {
    return this.num === 0n;
  }

  /** Rounded to `places` decimals, half away from zero, as decimal text ("-0.13", "12.50"). */
  toFixed(places: number): string {
    const scale = 10n ** BigInt(places);
    const negative = this.num < 0n;
    const n = (negative ? -this.num : this.num) * scale;
    // round half away from zero: floor((2n + d) / 2d) on the absolute value
    const q = (2n * n + this.den) / (2n * this.den);
    const whole = (q / scale).toString();
    const frac = places > 0 ? `.${(q % scale).toString().padStart(places, '0')}` : '';
    return `${negative && q !== 0n ? '-' : ''}${whole}${frac}`;
  }

  /** Rounded as toFixed, as a JSON number. */
  round(places: number): number {
    return Number(this.toFixed(places));
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** The median of whole numbers: the middle one, or the mean of the two middle ones; null when empty. */
export function median(values: readonly bigint[]): Exact | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as bigint;
  return sorted.length % 2 ? Exact.of(upper) : Exact.of((sorted[mid - 1] as bigint) + upper, 2n);
}
