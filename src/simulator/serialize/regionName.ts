// Gallery image versions name their target regions by display name ("West US", "East US 2"), as the
// spec's GalleryImageVersions_Get example shows; scenarios give names ("westus"). Unknown words keep
// the name as given.
const words = ['southeast', 'northeast', 'southcentral', 'northcentral', 'westcentral', 'north', 'south', 'east', 'west', 'central', 'us', 'uk', 'uae', 'europe', 'asia', 'australia', 'brazil', 'canada', 'france', 'germany', 'india', 'japan', 'korea', 'norway', 'switzerland', 'sweden', 'poland', 'italy', 'israel', 'qatar', 'mexico', 'spain', 'africa', 'newzealand', 'chile', 'indonesia', 'malaysia', 'austria', 'denmark', 'belgium', 'taiwan', 'greece', 'finland'];
const upper = new Set(['us', 'uk', 'uae']);
const compound: Record<string, string> = { southcentral: 'South Central', northcentral: 'North Central', westcentral: 'West Central', newzealand: 'New Zealand' };

export function regionDisplayName(name: string): string {
  if (/[A-Z\s]/.test(name)) return name;
  const parts: string[] = [];
  let rest = name.toLowerCase();
  while (rest) {
    const digits = /^\d+/.exec(rest)?.[0];
    const word = digits ?? words.find((w) => rest.startsWith(w));
    if (!word) return name;
    parts.push(digits ?? compound[word] ?? (upper.has(word) ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1)));
    rest = rest.slice(word.length);
  }
  return parts.join(' ');
}
