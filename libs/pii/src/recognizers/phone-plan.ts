import { getCountries, getCountryCallingCode, Metadata, type CountryCode } from 'libphonenumber-js/max';

/** What libphonenumber's metadata says a national number of one calling code (or region) may look like, compiled once. */
interface NumberRule {
  lengths: ReadonlySet<number>;
  pattern: RegExp;
  /** Trunk prefix dialled before a national number ("0" in GB, "1" in the US), if any. */
  trunk: string;
  region: CountryCode;
}

/**
 * libphonenumber's numbering plans as precompiled rules: per calling code (all
 * regions that share it, e.g. the NANP) and per default region. Checking a
 * candidate is then a length lookup and one anchored regex, instead of a full
 * parse that tries every region of a shared code.
 */
export class PhonePlan {
  private readonly byCode = new Map<string, NumberRule>();
  private readonly regions: NumberRule[];

  constructor(defaultRegions: readonly CountryCode[]) {
    const meta = new Metadata();
    const plan = (c: CountryCode) => {
      meta.selectNumberingPlan(c);
      const p = meta.numberingPlan!;
      return { lengths: p.possibleLengths(), source: (p as unknown as { nationalNumberPattern(): string }).nationalNumberPattern(), trunk: (p as unknown as { nationalPrefix(): string | undefined }).nationalPrefix() ?? '' };
    };
    const grouped = new Map<string, { lengths: Set<number>; sources: string[] }>();
    for (const c of getCountries()) {
      const code = getCountryCallingCode(c);
      const p = plan(c);
      const g = grouped.get(code) ?? grouped.set(code, { lengths: new Set(), sources: [] }).get(code)!;
      p.lengths.forEach((l) => g.lengths.add(l));
      g.sources.push(p.source);
    }
    for (const [code, g] of grouped) this.byCode.set(code, { lengths: g.lengths, pattern: anchored(g.sources), trunk: '', region: 'US' });
    this.regions = defaultRegions.map((r) => {
      const p = plan(r);
      return { lengths: new Set(p.lengths), pattern: anchored([p.source]), trunk: p.trunk, region: r };
    });
  }

  /** `digits` (after the `+`) start with a calling code whose plan admits the rest. */
  international(digits: string): boolean {
    for (let n = 1; n <= 3; n++) {
      const rule = this.byCode.get(digits.slice(0, n));
      if (rule && fits(rule, digits.slice(n))) return true;
    }
    return false;
  }

  /** The default regions whose plan `digits`, written nationally, fit (with or without the trunk prefix). */
  nationalRegions(digits: string): CountryCode[] {
    return this.regions.filter((r) => fits(r, digits) || (r.trunk !== '' && digits.startsWith(r.trunk) && fits(r, digits.slice(r.trunk.length)))).map((r) => r.region);
  }
}

const fits = (rule: NumberRule, nsn: string) => rule.lengths.has(nsn.length) && rule.pattern.test(nsn);
const anchored = (sources: string[]) => new RegExp(`^(?:${sources.join('|')})$`);
