/** Per imported module: the driver object handed out at injection, filled when the module initialises. */
export const DRIVER_SLOT = Symbol('@hamilton-ts/nestjs:driver-slot');
/** Per imported module: its name and kind (`HamiltonModuleExtras`), fixed at import. */
export const DRIVER_SETTINGS = Symbol('@hamilton-ts/nestjs:driver-settings');
