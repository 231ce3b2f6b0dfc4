// Set by the extension's simulator launcher (src/connection/sharedSimulator.ts): the folder whose cached
// certificate the simulator process reuses (issue 18). Its own file so that the launcher does not bundle
// the certificate generator.
export const certificateCacheVariable = 'VMSS_SIMULATOR_CERTIFICATE_DIR';
