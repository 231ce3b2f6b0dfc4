// Ids of contributions (package.json) that the activation bundle registers, kept out of the feature
// modules that use them so that the activation bundle does not pull those modules in (issue 18).
export const scaleSetsViewId = 'vmssUpgrades.scaleSets';
export const dashboardViewType = 'vmssUpgrades.dashboard';
