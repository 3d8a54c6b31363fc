// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.
export { DeviceImportPage } from "./DeviceImportPage";
export { DevicePage } from "./DevicePage";
export { DevicesPage } from "./DevicesPage";
export { LeaverChecklistPage } from "./LeaverChecklistPage";
export { MyDevicesPage } from "./MyDevicesPage";
