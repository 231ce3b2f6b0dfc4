// ARM timestamps as Compute writes them: UTC with seven fractional digits and an explicit offset, e.g.
// "2018-08-06T05:42:36.6425181+00:00" (an instance view status time quoted in Azure/azure-rest-api-specs
// issue #3593). Our clock has millisecond resolution, so the last four digits are zeros.
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00');
}
