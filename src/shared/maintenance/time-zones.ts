// Entry of the lazily loaded time-zone bundle (dist/time-zones.js, issue 18): the CLDR Windows → IANA
// table (`windows-iana`, ~155 KB) and `luxon` (~69 KB) are needed only once a maintenance window is read,
// shown or set, not when the features or the core load. Import it only through timeZones().
export { findIana, WINDOWS_TO_IANA_MAP } from 'windows-iana';
export { DateTime } from 'luxon';
