// Platform images that support automatic OS image upgrades, kept as versioned data (spec R2).
// "current" is the table of the Azure docs page of 2026-05-19 (45 rows, identical to the
// 2024-07-08 revision); "seed-2020" is the table of the 2018–2020 docs. Matching is
// case-insensitive. An image only in the seed table is reported as "supported until 2020, no
// longer listed".

export type ImageRow = readonly [publisher: string, offer: string, sku: string];

export interface SupportedImageTable {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly ImageRow[];
}

export const currentImageTable: SupportedImageTable = {
  id: 'current',
  title: 'Azure docs, automatic OS image upgrade, 2026-05-19',
  rows: [
    ['Canonical', '0001-com-ubuntu-server-focal', '20_04-LTS'],
    ['Canonical', '0001-com-ubuntu-server-focal', '20_04-LTS-Gen2'],
    ['Canonical', '0001-com-ubuntu-server-focal', '20_04-LTS-arm64'],
    ['Canonical', 'ubuntu-24_04-lts', 'server-arm64'],
    ['Canonical', '0001-com-ubuntu-server-jammy', '22_04-LTS'],
    ['Canonical', '0001-com-ubuntu-server-jammy', '22_04-LTS-arm64'],
    ['Canonical', '0001-com-ubuntu-server-jammy', '22_04-LTS-Gen2'],
    ['Canonical', '0001-com-ubuntu-pro-microsoft', 'pro-fips-20_04-Gen2'],
    ['MicrosoftCblMariner', 'Cbl-Mariner', 'cbl-mariner-2'],
    ['MicrosoftCblMariner', 'Cbl-Mariner', 'cbl-mariner-2-arm64'],
    ['MicrosoftCblMariner', 'Cbl-Mariner', 'cbl-mariner-2-Gen2'],
    ['MicrosoftCblMariner', 'Cbl-Mariner', 'cbl-mariner-2-fips'],
    ['MicrosoftCblMariner', 'Cbl-Mariner', 'cbl-mariner-2-Gen2-fips'],
    ['MicrosoftCblMariner', 'Azure-Linux', 'azure-linux-Gen2'],
    ['MicrosoftCblMariner', 'Azure-Linux', 'azure-linux-3'],
    ['MicrosoftCblMariner', 'Azure-Linux', 'azure-linux-arm64'],
    ['MicrosoftSqlServer', 'SQL2017-ws2019', 'enterprise'],
    ['MicrosoftSqlServer', 'SQL2019-ws2022', 'enterprise'],
    ['MicrosoftSqlServer', 'SQL2022-ws2022', 'enterprise-Gen2'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2012-R2-Datacenter'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter-gensecond'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter-gs'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter-smalldisk'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter-with-Containers'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter-with-containers-gs'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-Core'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-Core-smalldisk'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-Core-with-Containers'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-gensecond'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-gs'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-smalldisk'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-with-Containers'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-with-Containers-gs'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter-smalldisk'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter-azure-edition'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter-azure-edition-core'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter-azure-edition-core-smalldisk'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter-core'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter-core-smalldisk'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter-g2'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-Datacenter-smalldisk-g2'],
    ['MicrosoftWindowsServer', 'WindowsServer', 'Datacenter-core-20h2-with-containers-smalldisk-gs'],
  ],
};

export const seedImageTable: SupportedImageTable = {
  id: 'seed-2020',
  title: 'Azure docs 2018–2020 (supported until 2020, no longer listed)',
  rows: [
    ['Canonical', 'UbuntuServer', '16.04-LTS'],
    ['Canonical', 'UbuntuServer', '18.04-LTS'],
    ['OpenLogic', 'CentOS', '7.5'],
    ['CoreOS', 'CoreOS', 'Stable'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2012-R2-Datacenter'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter-Smalldisk'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2016-Datacenter-with-Containers'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-Smalldisk'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter-with-Containers'],
    ['MicrosoftWindowsServer', 'WindowsServer', 'Datacenter-Core-1903-with-Containers-smalldisk'],
  ],
};

export function tableContains(table: SupportedImageTable, publisher: string, offer: string, sku: string): boolean {
  const p = publisher.toLowerCase();
  const o = offer.toLowerCase();
  const s = sku.toLowerCase();
  return table.rows.some(([rp, ro, rs]) => rp.toLowerCase() === p && ro.toLowerCase() === o && rs.toLowerCase() === s);
}
